import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const PINO_LEVELS: Record<LogLevel, string> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };

/** Bolt and the Web API client log through Callboard's pino logger, as one stream of JSON lines. */
export const boltLogger = (parent: Logger): BoltLogger => {
  let log = parent.child({ component: 'slack' });
  // Bolt logs at debug on every request: skip the formatting unless the level is on.
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]) => {
      if (log.isLevelEnabled(level)) log[level](messages.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level: LogLevel) => void (log.level = PINO_LEVELS[level]),
    getLevel: () => (Object.entries(PINO_LEVELS).find(([, pinoLevel]) => pinoLevel === log.level)?.[0] as LogLevel | undefined) ?? LogLevel.INFO,
    setName: (name: string) => void (log = parent.child({ component: name })),
  };
};
