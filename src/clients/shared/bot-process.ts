import type { Config } from '../../config.js';

/** A started bot; `stop()` stops taking updates and finishes the sends in flight. */
export interface RunningBot {
  stop(): Promise<void>;
}

/** The API the bots call: BOT_API_URL, or this process's own API. */
export const botApiUrl = (config: Config) =>
  config.BOT_API_URL ?? `http://127.0.0.1:${config.PORT}/graphql`;
