import { setModelCircuitOpen } from '../../metrics/model.js';
import { ModelAnswerError, ModelUnavailableError } from './model-errors.js';

export interface CircuitSettings {
  /** Failures in a row that open the circuit. */
  failures: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  openMs: number;
}

export interface CircuitHealth {
  circuit: 'closed' | 'open';
  failuresInARow: number;
  /** When an open circuit lets the next trial call through. */
  retryAt: string | null;
}

/**
 * Stops calling a model that keeps failing: each call waits for its timeout (and a retry)
 * before the offline engine answers, so a dead model made every message slow. After
 * `failures` failures in a row the calls are refused at once for `openMs`; then one call
 * is tried, and its outcome closes the circuit or opens it again.
 */
export class CircuitBreaker {
  private failuresInARow = 0;
  private openUntil = 0;

  constructor(
    private readonly settings: CircuitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.now() < this.openUntil) {
      throw new ModelUnavailableError(
        `Model skipped: it failed ${this.failuresInARow} times in a row`,
      );
    }
    try {
      const result = await call();
      this.failuresInARow = 0;
      this.openUntil = 0;
      setModelCircuitOpen(false);
      return result;
    } catch (error) {
      if (error instanceof ModelUnavailableError || error instanceof ModelAnswerError) {
        this.failuresInARow += 1;
        if (this.failuresInARow >= this.settings.failures) {
          this.openUntil = this.now() + this.settings.openMs;
          setModelCircuitOpen(true);
        }
      }
      throw error;
    }
  }

  health(): CircuitHealth {
    const open = this.now() < this.openUntil;
    return {
      circuit: open ? 'open' : 'closed',
      failuresInARow: this.failuresInARow,
      retryAt: open ? new Date(this.openUntil).toISOString() : null,
    };
  }
}
