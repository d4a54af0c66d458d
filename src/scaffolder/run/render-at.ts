import type { TemplateEngine } from '../../core/scaffolder/template-engine.ts';

/** A step failed for a reason a person can act on; the message names the step, the input or the file. */
export class StepError extends Error {}

/** Renders one part of a step or output, naming that part (`input`, `if`, `each`, `output.links`) when it fails. */
export const renderAt = (engine: TemplateEngine, value: unknown, scope: Readonly<Record<string, unknown>>, where: string): unknown => {
  try {
    return engine.renderValue(value, scope);
  } catch (error) {
    throw new StepError(`${where}: ${(error as Error).message}`, { cause: error });
  }
};
