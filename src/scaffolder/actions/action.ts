import type { z } from 'zod';
import type { Entity } from '../../core/catalog/entity.ts';
import type { TemplateEngine } from '../../core/scaffolder/template-engine.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { RepoHost } from '../repo-host.ts';
import type { SourceRegistrar } from '../source-registrar.ts';
import type { TemplateLocation } from '../template-location.ts';

/** Lines a step writes to its log (shown, last lines first, when it fails). */
export interface StepLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** What a step's action gets: its validated input, the workspace, and the ports it may use. */
export interface ActionContext<Input> {
  input: Input;
  /** Absolute path of the run's workspace; every path an action writes resolves inside it (see workspace-path.ts). */
  workspacePath: string;
  /** Where the template came from, to resolve relative `url` inputs (a folder, a git commit, a GitHub repo). */
  templateLocation: TemplateLocation;
  secrets: Readonly<Record<string, string>>;
  user: { ref?: string; entity?: Entity };
  runId: string;
  /** The template entity's ref as written (`template:default/docs-template`), for `backstage.io/source-template`. */
  templateRef?: string;
  stepId: string;
  /** True in a dry run: actions that reach outside the workspace describe what they would do and return. */
  dryRun: boolean;
  log: StepLogger;
  output(name: string, value: unknown): void;
  signal: AbortSignal;
  engine: TemplateEngine;
  catalog: CatalogReader;
  repoHost: RepoHost;
  registrar: SourceRegistrar;
}

/**
 * One scaffolder action (`area:verb`), as Backstage's TemplateActionRegistry holds them. The input is validated
 * with `schema` before `run`; an error names the input (`input.url: Required`).
 */
export interface TemplateAction<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  schema: Schema;
  /** Runs in a dry run as well (fetch:*, fs:*, catalog:write, catalog:fetch, debug:log; not debug:wait); the others are listed but not run. */
  supportsDryRun: boolean;
  run(context: ActionContext<z.output<Schema>>): Promise<void>;
}
