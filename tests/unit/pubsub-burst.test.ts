import { describe, expect, it } from '@jest/globals';
import { createAppPubSub } from '../../src/pubsub.js';
import { DeliveryChannel } from '../../src/entities/index.js';

describe('PubSub', () => {
  it('keeps a burst larger than graphql-yoga’s 1,024 pending events for a slow subscriber', async () => {
    const pubsub = createAppPubSub();
    const feed = pubsub.subscribe('NOTIFICATION_READY', DeliveryChannel.TELEGRAM);
    const iterator = feed[Symbol.asyncIterator]();
    const first = iterator.next(); // subscribed; nothing read after this until the burst is out
    for (let n = 0; n < 3000; n += 1) {
      pubsub.publish('NOTIFICATION_READY', DeliveryChannel.TELEGRAM, {
        notificationId: `n${n}`,
        userId: 'u',
      });
    }
    const received = [(await first).value];
    while (received.length < 3000) received.push((await iterator.next()).value);
    expect(received.map((event) => event.notificationId)).toEqual(
      Array.from({ length: 3000 }, (_, n) => `n${n}`),
    );
    await iterator.return?.();
    await pubsub.close();
  });
});
