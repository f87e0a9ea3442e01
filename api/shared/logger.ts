import pino from 'pino';

/** One structured (JSON lines) logger for the process; LOG_LEVEL picks how much it says. */
export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'parley' } });
}
