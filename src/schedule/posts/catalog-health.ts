import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { listAllProblems, listTeamProblems, resolveTeam } from '../../usecases/list-team-problems.ts';
import { coveredEntities, entitiesWithoutDocs, entitiesWithoutOnCall } from './catalog-health-coverage.ts';
import { catalogHealthView } from './catalog-health-view.ts';
import { ScheduleFailure, type PostContext, type PostType } from './post-type.ts';

/**
 * Catalog health: a team's catalog problems (invalid entities and files, conflicts, dangling refs, missing
 * Location targets, unreachable sources) and its templates that cannot run — what Backstage users only find in
 * logs, sent to those who can fix it; and its entities with no docs or no on-call. Without `team`, the whole catalog.
 */

/** How many problems and templates are listed; the rest are counted and left to `/callboard errors`. */
export const LISTED_PROBLEMS = 20;
const LISTED_TEMPLATES = 10;
const MESSAGE_LIMIT = 300;

const ORIGIN_LABELS: Record<string, string> = {
  file: 'invalid entities and files',
  conflict: 'conflicting entities',
  dangling: 'dangling refs',
  target: 'missing Location targets',
  source: 'unreachable sources',
};

const clip = (text: string): string => (text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text);

const whereOf = (problem: StoredProblem): string =>
  problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}` : (problem.entityRef ?? problem.sourceId);

/** Errors first, then by place, so the list reads the same from one post to the next. */
const byImportance = (a: StoredProblem, b: StoredProblem): number =>
  (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || whereOf(a).localeCompare(whereOf(b)) || a.message.localeCompare(b.message);

const countByOrigin = (problems: readonly StoredProblem[]) => {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.origin, (counts.get(problem.origin) ?? 0) + 1);
  return [...counts].map(([origin, count]) => ({ label: ORIGIN_LABELS[origin] ?? origin, count })).sort((a, b) => b.count - a.count);
};

const findTeam = (store: CatalogReader, team: string): Entity => {
  const found = resolveTeam(store, team);
  if (found.status === 'found') return found.group;
  throw new ScheduleFailure(`team ${team} is not a Group in the catalog; fix the schedule's team`);
};

/** The message data (templates/messages/README.md documents it). */
export const catalogHealthData = (context: Pick<PostContext, 'schedule' | 'store' | 'templates' | 'docs' | 'oncall'>) => {
  const { schedule, store } = context;
  const group = schedule.team ? findTeam(store, schedule.team) : undefined;
  const teamRef = group ? entityRefOf(group) : undefined;
  const problems = group ? listTeamProblems(store, [group]) : listAllProblems(store).problems;
  const owned = teamRef ? new Set(store.ownedBy(teamRef, { includeChildGroups: true }).map((entity) => entity.ref.toLowerCase())) : undefined;
  const broken = (context.templates?.() ?? []).filter((template) => !template.canRun && (!owned || owned.has(template.ref.toLowerCase())));
  const sorted = [...problems].sort(byImportance);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const name = group ? (group.metadata.title ?? group.metadata.name) : 'the whole catalog';
  return {
    scope: name,
    ...(teamRef ? { team: { ref: teamRef, name: group!.metadata.name } } : {}),
    healthy: problems.length === 0,
    total: problems.length,
    totalText: `${problems.length} catalog problem${problems.length === 1 ? '' : 's'}`,
    errors,
    warnings: problems.length - errors,
    counts: countByOrigin(problems),
    problems: sorted.slice(0, LISTED_PROBLEMS).map((problem) => ({
      severity: problem.severity,
      message: clip(problem.message),
      where: whereOf(problem),
      ...(problem.entityRef ? { entityRef: problem.entityRef } : {}),
    })),
    more: Math.max(0, problems.length - LISTED_PROBLEMS),
    moreCommand: group ? `/callboard errors ${group.metadata.name}` : '/callboard errors all',
    templates: broken.slice(0, LISTED_TEMPLATES).map((template) => ({
      ref: template.ref,
      title: template.title,
      problem: clip(template.problems[0]?.message ?? 'cannot run'),
    })),
    templatesMore: Math.max(0, broken.length - LISTED_TEMPLATES),
    ...coverageOf(context, teamRef),
  };
};

/** Entities without docs, and without on-call when providers are built here (catalog-health-coverage.ts). */
const coverageOf = (context: Pick<PostContext, 'store' | 'docs' | 'oncall'>, teamRef: string | undefined) => {
  const entities = coveredEntities(context.store, teamRef);
  const noOnCall = entitiesWithoutOnCall(context.store, entities, context.oncall);
  return { noDocs: entitiesWithoutDocs(entities, context.docs), ...(noOnCall ? { noOnCall } : {}) };
};

export const catalogHealthPost: PostType = {
  name: 'catalog-health',
  messageNames: ['catalog-health'],
  build: async (context) => {
    const data = catalogHealthData(context);
    const body = context.messages.render('catalog-health', data);
    const when = context.manual ? 'posted by hand' : `slot ${context.slot.toISOString()}`;
    return catalogHealthView({ title: `Catalog health: ${data.scope}`, body, context: `Schedule ${context.schedule.id} · ${when}` });
  },
};
