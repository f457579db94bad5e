import { describe, expect, it } from '@jest/globals';
import { RecentIds } from '../../src/clients/shared/notification-relay.js';

describe('RecentIds (what the notification relay sent lately)', () => {
  it('remembers an id with its state until its time is up', () => {
    let now = 1_000;
    const recent = new RecentIds<string>(10, 500, () => now);
    recent.remember('a', 'sent');
    expect(recent.get('a')).toBe('sent');
    recent.remember('a', 'acknowledged');
    now += 499;
    expect(recent.get('a')).toBe('acknowledged');
    now += 1;
    expect(recent.get('a')).toBeUndefined();
    expect(recent.get('never')).toBeUndefined();
  });

  it('keeps at most its capacity, forgetting the least recently remembered first', () => {
    const recent = new RecentIds<number>(3, 60_000);
    for (const id of ['a', 'b', 'c']) recent.remember(id, 1);
    recent.remember('a', 2);
    recent.remember('d', 1);
    expect(recent.size).toBe(3);
    expect(recent.get('b')).toBeUndefined();
    expect([recent.get('a'), recent.get('c'), recent.get('d')]).toEqual([2, 1, 1]);
  });
});
