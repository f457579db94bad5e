import type { Interval } from './types.js';

export const MINUTE_MS = 60_000;

/** An interval as epoch milliseconds, [start, end); the arithmetic works on these. */
export interface Span {
  start: number;
  end: number;
}

export const toInterval = (span: Span): Interval => ({
  start: new Date(span.start),
  end: new Date(span.end),
});

export const spanMinutes = (span: Span): number => (span.end - span.start) / MINUTE_MS;

/** Sorted, with overlapping or touching spans merged and empty ones dropped. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `from` minus `remove`, lazily; both sorted and disjoint, and so is the result. */
export function* subtractSpans(from: Iterable<Span>, remove: Span[]): Generator<Span> {
  let r = 0;
  for (const span of from) {
    let start = span.start;
    while (r < remove.length && remove[r]!.end <= start) r++;
    // Do not advance r past a removal that may also cut the next span.
    for (let k = r; k < remove.length && remove[k]!.start < span.end; k++) {
      const cut = remove[k]!;
      if (cut.start > start) yield { start, end: cut.start };
      start = Math.max(start, cut.end);
    }
    if (start < span.end) yield { start, end: span.end };
  }
}
