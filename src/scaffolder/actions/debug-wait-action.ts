import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import type { TemplateAction } from './action.ts';

const schema = z.object({
  minutes: z.number().nonnegative().optional().describe('Waiting period in minutes'),
  seconds: z.number().nonnegative().optional().describe('Waiting period in seconds'),
  milliseconds: z.number().nonnegative().optional().describe('Waiting period in milliseconds'),
});

/** Backstage's default ceiling for debug:wait. */
export const maxWaitMs = 10 * 60 * 1000;

/**
 * Backstage's debug:wait: waits the sum of the given periods, at most 10 minutes, and stops early when the run is
 * cancelled. Like Backstage's, it does not run in a dry run (a preview should not wait).
 */
export const debugWaitAction: TemplateAction<typeof schema> = {
  id: 'debug:wait',
  description: 'Waits for a certain period of time',
  schema,
  supportsDryRun: false,
  async run(ctx) {
    const { minutes = 0, seconds = 0, milliseconds = 0 } = ctx.input;
    const delayMs = minutes * 60_000 + seconds * 1000 + milliseconds;
    if (delayMs > maxWaitMs) {
      throw new InvalidInputError('Waiting duration is longer than the maximum threshold of 10 minutes: wait less', {
        fieldErrors: { minutes: 'the total wait must be 10 minutes or less' },
      });
    }
    ctx.log.info(`Waiting ${delayMs} ms`);
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, delayMs);
      if (ctx.signal.aborted) done();
      else ctx.signal.addEventListener('abort', done);
    });
  },
};
