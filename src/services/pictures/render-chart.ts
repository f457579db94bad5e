import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import { HeatmapChart, LineChart } from 'echarts/charts';
import {
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
} from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Charts as PNG, server-side. ECharts renders to an SVG string with no DOM (its SSR mode, the
 * same charts a browser would draw) and resvg (Rust, shipped prebuilt in a registry package:
 * no download step, no Cairo or canvas to build) turns the SVG into a PNG. Text is drawn with
 * DejaVu Sans from the `dejavu-fonts-ttf` package, never a system font, so Cyrillic renders
 * the same on every machine.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);
export const CHART_FONT = 'DejaVu Sans';

// Only what the pictures draw: loads faster than the whole library.
use([
  HeatmapChart,
  LineChart,
  CalendarComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export interface ChartSize {
  width: number;
  height: number;
}

/** The SVG ECharts draws for `option` (animation off: one frame, the final one). */
export function renderSvg(option: EChartsCoreOption, size: ChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** `option` as a PNG of `size` pixels; the rasterising runs off the event loop (libuv pool). */
export async function renderPng(option: EChartsCoreOption, size: ChartSize): Promise<Buffer> {
  const svg = renderSvg(option, size);
  const image = await renderAsync(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    background: '#ffffff',
  });
  return image.asPng();
}
