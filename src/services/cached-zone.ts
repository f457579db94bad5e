import { IANAZone, Info, Zone } from 'luxon';

const BUCKET_MS = 15 * 60_000;
const MAX_ENTRIES = 20_000;

/**
 * An IANA zone whose UTC offsets are remembered per 15-minute slot. Every offset change of a
 * modern zone falls on a quarter-hour of UTC, so a slot has one offset. Luxon asks Intl for
 * each one otherwise (about 10 µs, several times per converted time), which was most of the
 * cost of listing a month of recurring events.
 */
class CachedZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {
    super();
  }

  override get type() {
    return 'iana';
  }

  override get name() {
    return this.zone.name;
  }

  override get isUniversal() {
    return false;
  }

  override get isValid() {
    return this.zone.isValid;
  }

  override offsetName(ts: number, options: Parameters<IANAZone['offsetName']>[1]) {
    return this.zone.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: Parameters<IANAZone['formatOffset']>[1]) {
    return this.zone.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const slot = Math.floor(ts / BUCKET_MS);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      if (this.offsets.size >= MAX_ENTRIES) this.offsets.clear();
      offset = this.zone.offset(ts);
      this.offsets.set(slot, offset);
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();

/** The zone named `name` with remembered offsets (one instance per name). */
export function cachedZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    // What luxon makes of the name ("UTC" is a fixed zone, printed with Z); only IANA ones ask Intl.
    const plain = Info.normalizeZone(name);
    zone = plain instanceof IANAZone && plain.isValid ? new CachedZone(plain) : plain;
    zones.set(name, zone);
  }
  return zone;
}

/**
 * The instant at which the wall clock in `zone` shows `localMs` (a local time written as if it
 * were UTC). The same steps as luxon's `DateTime.fromObject(…, { zone })`, including its first
 * guess from the current offset, without building a DateTime: a month of occurrences calls
 * this thousands of times.
 */
export function instantOfWallClock(localMs: number, zone: string): Date {
  const cached = cachedZone(zone);
  const guess = cached.offset(Date.now());
  let utc = localMs - guess * 60_000;
  const second = cached.offset(utc);
  if (second === guess) return new Date(utc);
  utc -= (second - guess) * 60_000;
  const third = cached.offset(utc);
  if (second === third) return new Date(utc);
  return new Date(localMs - Math.min(second, third) * 60_000);
}
