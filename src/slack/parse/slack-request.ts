import type { DependencyDirection } from '../../core/graph/dependency-edges.ts';

/**
 * A question someone asked Callboard in Slack, however they asked it (slash command, mention,
 * button, `callboard ask`): what the listeners answer. Entity and team names are raw text.
 */
export type SlackRequest =
  | { kind: 'owner'; entity: string }
  /** No depth: the whole graph (bounded by a node budget the answer states when reached). */
  | { kind: 'deps'; entity: string; direction: DependencyDirection; depth?: number }
  | { kind: 'find'; query: string }
  /** Who is on call for the entity or team, now or at `at` (ISO 8601 UTC). */
  | { kind: 'oncall'; entity: string; at?: string }
  /**
   * Where the entity's docs and runbook are. `entity` is all that was typed: the entity, then optionally words to
   * find sections of its docs with (`payments-api provider outage`); the answer tells them apart.
   */
  | { kind: 'docs'; entity: string }
  /** `/docs` alone: the docs of the asker's teams. */
  | { kind: 'team-docs' }
  /** Scorecard levels of an entity, a team's entities ranked, or a scorecard's level distribution. */
  | { kind: 'scorecard'; entity: string }
  | { kind: 'help' }
  | { kind: 'errors'; team?: string }
  | { kind: 'sync' }
  | { kind: 'whoami' };

/** Text that is not a request: the command it was meant for (for usage hints) and what is wrong, in words. */
export interface RequestProblem {
  command: string;
  problem: string;
}

export type ParsedRequest = { ok: true; request: SlackRequest } | ({ ok: false } & RequestProblem);

export const parsed = (request: SlackRequest): ParsedRequest => ({ ok: true, request });

export const problem = (command: string, text: string): ParsedRequest => ({ ok: false, command, problem: text });
