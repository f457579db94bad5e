import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** What pglite-socket's connection handlers call on the server's (private) queue. */
interface QueryQueue {
  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
  getQueueLength(): number;
}

/** pglite-socket is pinned to 0.2.17, whose server keeps its queue in `queryQueue`. */
export function replaceQueryQueue(server: PGLiteSocketServer, queue: QueryQueue): void {
  const internals = server as unknown as { queryQueue?: QueryQueue };
  if (!internals.queryQueue) throw new Error('pglite-socket changed: its query queue is gone');
  internals.queryQueue = queue;
}

/** Frontend messages that open or continue an extended-protocol exchange, ended by Sync. */
const EXCHANGE_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

interface Job {
  handlerId: number;
  /** A frontend message to run, or null: release the session held by this connection. */
  message: Uint8Array | null;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

/**
 * Runs the messages of all connections on PGlite's single session, one at a time. Replaces
 * pglite-socket 0.2.17's queue, which gives one connection the session only while a
 * transaction is open, so two connections' Parse/Bind/Execute exchanges interleave and use
 * each other's unnamed statement and portal (electric-sql/pglite#1046), and which stops for
 * good after a message fails. Here a connection holds the session from the first message of
 * an exchange to its Sync, and for as long as its transaction is open.
 */
export class SessionQueue implements QueryQueue {
  private jobs: Job[] = [];
  private running = false;
  /** The connection holding the session: only its messages run until it lets go. */
  private holder: number | null = null;
  /** Whether the holder is inside an extended-protocol exchange (no Sync yet). */
  private midExchange = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.jobs.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  getQueueLength(): number {
    return this.jobs.length;
  }

  /** The connection closed: drop its waiting messages. */
  clearQueueForHandler(handlerId: number): void {
    this.jobs = this.jobs.filter((job) => {
      if (job.handlerId !== handlerId) return true;
      job.reject(new Error('Connection closed'));
      return false;
    });
  }

  /** The connection closed: end what it left open (after its message still running). */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.jobs.push({
        handlerId,
        message: null,
        onData: () => undefined,
        resolve: () => resolve(),
        reject,
      });
      void this.run();
    });
  }

  private nextJob(): Job | undefined {
    const index =
      this.holder === null ? 0 : this.jobs.findIndex((job) => job.handlerId === this.holder);
    return index === -1 ? undefined : this.jobs.splice(index, 1)[0];
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.nextJob(); job; job = this.nextJob()) {
        try {
          job.resolve(job.message ? await this.execute(job, job.message) : await this.release(job));
        } catch (error) {
          job.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(job: Job, message: Uint8Array): Promise<number> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            bytes += data.length;
            job.onData(data);
          },
        }),
      );
    } finally {
      this.midExchange = EXCHANGE_MESSAGES.has(message[0] ?? 0);
      this.holder = this.midExchange || this.db.isInTransaction() ? job.handlerId : null;
    }
    return bytes;
  }

  private async release(job: Job): Promise<number> {
    if (this.holder !== job.handlerId) return 0;
    try {
      if (this.midExchange) await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
      // exec takes PGlite's transaction lock itself, so not inside runExclusive.
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.holder = null;
      this.midExchange = false;
    }
    return 0;
  }
}

/** The Sync message: ends an exchange a closed connection left open. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
