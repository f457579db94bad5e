import { In, type EntityManager } from 'typeorm';
import { ExternalBusyInterval } from '../../entities/index.js';
import type { BusyRow } from './busy-expansion.js';

const INSERT_CHUNK = 1000;

/**
 * Replaces the stored busy time of one calendar of a connection: all of it (a full resync),
 * or only that of the events in `remoteIds` (an incremental pull).
 */
export async function replaceBusy(
  manager: EntityManager,
  target: { userId: string; connectionId: string; calendarId: string },
  rows: BusyRow[],
  remoteIds: string[] | 'all',
): Promise<void> {
  const { userId, connectionId, calendarId } = target;
  if (remoteIds === 'all') {
    await manager.delete(ExternalBusyInterval, { connectionId, calendarId });
  } else if (remoteIds.length > 0) {
    for (let index = 0; index < remoteIds.length; index += INSERT_CHUNK) {
      await manager.delete(ExternalBusyInterval, {
        connectionId,
        calendarId,
        remoteId: In(remoteIds.slice(index, index + INSERT_CHUNK)),
      });
    }
  }
  for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
    await manager.insert(
      ExternalBusyInterval,
      rows.slice(index, index + INSERT_CHUNK).map((row) => ({
        userId,
        connectionId,
        calendarId,
        remoteId: row.remoteId,
        startsAt: row.start,
        endsAt: row.end,
        title: row.title,
      })),
    );
  }
}
