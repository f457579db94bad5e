import { describe, expect, it } from '@jest/globals';
import { GoalStatus } from '../../src/entities/index.js';
import { DomainEvents } from '../../src/services/domain-events.js';

/** A logger that keeps what it was told. */
function recordingLogger() {
  const errors: { object: Record<string, unknown>; message: string }[] = [];
  return {
    errors,
    error: (object: object, message: string) =>
      errors.push({ object: object as Record<string, unknown>, message }),
  };
}

describe('domain events', () => {
  it('runs every handler of an event in the order they were wired, with its payload', async () => {
    const bus = new DomainEvents(recordingLogger());
    const seen: string[] = [];
    bus.on('eventChanged', ({ eventId }) => void seen.push(`first ${eventId}`));
    bus.on('eventChanged', async ({ eventId }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`second ${eventId}`);
    });
    bus.on('userSettingsChanged', ({ userId }) => void seen.push(`user ${userId}`));

    await bus.emit('eventChanged', { eventId: 'e1' });

    expect(seen).toEqual(['first e1', 'second e1']);
  });

  it('logs a failing handler and still runs the others; emit itself does not throw', async () => {
    const logger = recordingLogger();
    const bus = new DomainEvents(logger);
    const seen: string[] = [];
    bus.on('userSettingsChanged', () => {
      throw new Error('queue unreachable');
    });
    bus.on('userSettingsChanged', async () => Promise.reject(new Error('second failure')));
    bus.on('userSettingsChanged', ({ userId }) => void seen.push(userId));

    await expect(bus.emit('userSettingsChanged', { userId: 'u1' })).resolves.toBeUndefined();

    expect(seen).toEqual(['u1']);
    expect(logger.errors).toHaveLength(2);
    expect(logger.errors[0]).toMatchObject({
      object: { event: 'userSettingsChanged', payload: { userId: 'u1' } },
      message: 'a domain event handler failed; the change stands',
    });
    expect((logger.errors[0]!.object.err as Error).message).toBe('queue unreachable');
    expect((logger.errors[1]!.object.err as Error).message).toBe('second failure');
  });

  it('an event nobody handles is a no-op', async () => {
    const logger = recordingLogger();
    await new DomainEvents(logger).emit('goalProgressChanged', {
      goalId: 'g1',
      progress: 50,
      status: GoalStatus.ACTIVE,
      stepId: null,
      changedAt: new Date(),
    });
    expect(logger.errors).toEqual([]);
  });
});
