import { badInput } from '../../errors/domain-error.js';
import { MINUTE_MS, mergeSpans, subtractSpans, toInterval, type Span } from './intervals.js';
import { parseWorkingHours, workingSpans, type ParsedHours } from './working-hours.js';
import type { FindFreeSlotsInput, Interval } from './types.js';

export function millisOf(date: Date, field: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw badInput(`${field} must be a valid date`, { field });
  return ms;
}

export function nonNegativeMinutes(value: number | undefined, fallback: number, field: string) {
  const minutes = value ?? fallback;
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw badInput(`${field} must be a non-negative number of minutes`, { field });
  }
  return minutes;
}

/** Busy intervals widened by the buffer on both sides, sorted and merged. */
export function blockedSpans(busy: Interval[], bufferMinutes: number): Span[] {
  const pad = bufferMinutes * MINUTE_MS;
  const spans: Span[] = [];
  for (const interval of busy) {
    const start = millisOf(interval.start, 'busy.start');
    const end = millisOf(interval.end, 'busy.end');
    // An empty or inverted interval blocks nothing, not even its buffer.
    if (end > start) spans.push({ start: start - pad, end: end + pad });
  }
  return mergeSpans(spans);
}

/** The free spans in [from, to), lazily: working hours minus blocked spans, each ≥ minMinutes. */
export function* freeSpans(
  from: number,
  to: number,
  hours: ParsedHours,
  blocked: Span[],
  minMinutes: number,
): Generator<Span> {
  const shortest = Math.max(minMinutes * MINUTE_MS, 1);
  for (const span of subtractSpans(workingSpans(from, to, hours), blocked)) {
    if (span.end - span.start >= shortest) yield span;
  }
}

/**
 * Free time inside the working hours of working days (in the user's timezone) between `from`
 * and `to`, outside every busy interval and its buffer; sorted, each at least `minMinutes` long.
 */
export function findFreeSlots(input: FindFreeSlotsInput): Interval[] {
  const hours = parseWorkingHours(input.hours);
  const from = millisOf(input.from, 'from');
  const to = millisOf(input.to, 'to');
  const minMinutes = nonNegativeMinutes(input.minMinutes, 0, 'minMinutes');
  const buffer = nonNegativeMinutes(input.bufferMinutes, 0, 'bufferMinutes');
  const free = freeSpans(from, to, hours, blockedSpans(input.busy, buffer), minMinutes);
  return Array.from(free, toInterval);
}
