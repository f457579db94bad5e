import net from 'node:net';

/**
 * A TCP proxy between maxOn and one of its servers (PostgreSQL, Redis), to cut the line on
 * purpose: `reset()` drops every connection and refuses new ones, `partition()` keeps them
 * open and lets nothing through (the other side hears nothing, as behind a dead router),
 * `heal()` passes traffic again (what a partition held back arrives then, as TCP's
 * retransmissions would deliver it).
 */
export interface TcpProxy {
  /** host:port to give maxOn instead of the server's. */
  readonly address: string;
  /** `postgres://…` or `redis://…` with the server's host and port replaced by the proxy's. */
  through(url: string): string;
  reset(): void;
  partition(): void;
  heal(): void;
  close(): Promise<void>;
}

type Mode = 'pass' | 'down' | 'partition';

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'pass';
  const pairs = new Set<[net.Socket, net.Socket]>();
  const held: [net.Socket, Buffer][] = [];
  const dropAll = () => {
    for (const [client, upstream] of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    held.length = 0;
  };
  const server = net.createServer((client) => {
    if (mode === 'down') {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (mode === 'pass') to.write(chunk);
        else held.push([to, chunk]);
      });
    forward(client, upstream);
    forward(upstream, client);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) socket.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const address = `127.0.0.1:${port}`;
  return {
    address,
    through(url) {
      const parsed = new URL(url);
      parsed.host = address;
      return parsed.toString();
    },
    reset() {
      mode = 'down';
      dropAll();
    },
    partition() {
      mode = 'partition';
    },
    heal() {
      mode = 'pass';
      for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      dropAll();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
