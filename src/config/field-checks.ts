import cron from 'node-cron';

/** An IANA time zone name that this Node.js knows (`Europe/Berlin`, `UTC`). */
export const isKnownTimeZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

/** A cron expression node-cron accepts: 5 fields, or 6 with seconds first. */
export const isCronExpression = (expression: string): boolean => cron.validate(expression);
