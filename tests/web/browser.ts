import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webAppDir } from '../../src/http/web-app-assets.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);

/** One headless Chromium for a test file; the page must be built (npm run build:web). */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium is missing: apt-get install -y chromium');
  if (!webAppDir()) throw new Error('The web client is not built: npm run build:web');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * How much a screenshot shows: the distinct colours among sampled pixels and the share of
 * the commonest one (a blank page is one colour). Decoded by the browser itself.
 */
export async function screenshotStats(page: Page, png: Buffer) {
  // A string: it runs in the page, whose DOM types the tests' (Node) program does not have.
  const dataUrl = JSON.stringify(`data:image/png;base64,${png.toString('base64')}`);
  return page.evaluate<{ colours: number; commonest: number }>(`(async () => {
    const image = new Image();
    image.src = ${dataUrl};
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const counts = new Map();
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const colour = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
      samples += 1;
    }
    return { colours: counts.size, commonest: Math.max(...counts.values()) / samples };
  })()`);
}
