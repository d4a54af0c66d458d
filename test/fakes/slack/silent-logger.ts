import { LogLevel, type Logger } from '@slack/web-api';

/** Keeps expected client warnings (missing text, rate limit retries) out of the test output. */
export function createSilentLogger(): Logger {
  let level = LogLevel.ERROR;
  const ignore = (): void => undefined;
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: ignore,
  };
}
