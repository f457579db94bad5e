import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CalendarConnection, PushChannel } from '../../entities/index.js';
import type { Logger } from '../../logger.js';
import type { CalendarProvider } from './provider.js';

export const GOOGLE_PUSH_PATH = '/calendar/google/push';

const DAY_MS = 86_400_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The connection a channel belongs to: its id starts with the connection's. */
export const connectionOfChannel = (channelId: string): string | null =>
  /^([0-9a-f-]{36})_[0-9a-f]+$/.exec(channelId)?.[1] ?? null;

/** Whether `token` is the one the channel was opened with (compared in constant time). */
export function channelTokenMatches(channel: PushChannel, token: string): boolean {
  const expected = Buffer.from(channel.tokenHash, 'hex');
  const actual = Buffer.from(hashOf(token), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Keeps one open channel per pulled calendar: opens missing ones, renews those expiring
 * within a day, stops those of calendars no longer pulled. A failure is logged, not thrown:
 * polling still syncs the calendar. Answers the channels to store.
 */
export async function renewChannels(
  provider: CalendarProvider,
  connection: CalendarConnection,
  calendarIds: string[],
  address: string,
  now: Date,
  logger: Logger,
): Promise<Record<string, PushChannel>> {
  if (!provider.watch) return {};
  const kept: Record<string, PushChannel> = {};
  const current = connection.pushChannels ?? {};
  for (const calendarId of calendarIds) {
    const channel = current[calendarId];
    if (channel && Date.parse(channel.expiresAt) - now.getTime() > DAY_MS) {
      kept[calendarId] = channel;
      continue;
    }
    const token = randomBytes(24).toString('base64url');
    const id = `${connection.id}_${randomBytes(8).toString('hex')}`;
    try {
      const opened = await provider.watch(calendarId, { id, token, address });
      kept[calendarId] = {
        id,
        tokenHash: hashOf(token),
        resourceId: opened.resourceId,
        expiresAt: opened.expiresAt.toISOString(),
      };
      if (channel) await stopChannel(provider, channel, logger);
    } catch (error) {
      logger.warn({ err: error, connectionId: connection.id }, 'opening a push channel failed');
      if (channel) kept[calendarId] = channel;
    }
  }
  for (const [calendarId, channel] of Object.entries(current)) {
    if (!calendarIds.includes(calendarId)) await stopChannel(provider, channel, logger);
  }
  return kept;
}

/** Stops every channel of a connection (it is being disconnected); best effort. */
export async function stopChannels(
  provider: CalendarProvider,
  connection: CalendarConnection,
  logger: Logger,
): Promise<void> {
  for (const channel of Object.values(connection.pushChannels ?? {})) {
    await stopChannel(provider, channel, logger);
  }
}

async function stopChannel(
  provider: CalendarProvider,
  channel: PushChannel,
  logger: Logger,
): Promise<void> {
  try {
    await provider.stopWatch?.(channel.id, channel.resourceId);
  } catch (error) {
    logger.warn({ err: error, channelId: channel.id }, 'stopping a push channel failed');
  }
}
