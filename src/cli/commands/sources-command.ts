import { openCatalogRuntime } from '../../catalog-runtime.ts';
import type { Config, SourceConfig } from '../../config/load-config.ts';
import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import type { StoredSourceStatus } from '../../core/ports.ts';
import { builtinSourceConfigs } from '../../sources/create-sources.ts';
import { describeGitTransport, redactUrl } from '../../sources/git/git-remote-url.ts';
import type { StoredRegisteredSource } from '../../store/sqlite-registered-sources.ts';
import { loadCliConfig, type CliIo } from '../cli-context.ts';

/** Where a configured source reads from, as `callboard sources` shows it. */
interface SourceReading {
  /** A folder, a git remote (credentials removed) or a GitHub organisation. */
  from: string;
  patterns?: string[];
  /** Git only: the transport git will use for `from`. */
  transport?: string;
  /** Git only: the branch followed; absent means the remote's default branch. */
  branch?: string;
}

/** Where a source comes from: callboard.yaml, `callboard register` / `catalog:register`, or Callboard itself. */
export type SourceOrigin = 'configured' | 'registered' | 'built-in';

/** A source to report, with where it comes from (and for a registered one, who added it when). */
export interface ListedSource {
  source: SourceConfig;
  origin: SourceOrigin;
  url?: string;
  registeredBy?: string;
  registeredAt?: string;
}

/** One line of `callboard sources`: the source, and what the database remembers of it. */
export interface SourceReport extends SourceReading {
  id: string;
  type: string;
  origin: SourceOrigin;
  /** Registered sources: the URL as given, who registered it and when. */
  url?: string;
  registeredBy?: string;
  registeredAt?: string;
  /** The content version last read (a commit for git), without the settings fingerprint. */
  version?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** `never synced`, `ok`, or `failed` with the reason the last pass recorded. */
  outcome: 'never synced' | 'ok' | 'failed';
  problem?: string;
}

const readingOf = (source: SourceConfig): SourceReading => {
  if (source.type === 'dir') return { from: source.path, patterns: source.patterns };
  if (source.type === 'git') {
    return {
      from: redactUrl(source.url),
      transport: describeGitTransport(source.url),
      patterns: source.patterns,
      ...(source.branch ? { branch: source.branch } : {}),
    };
  }
  return { from: `github.com/${source.org}`, patterns: [source.catalogPath] };
};

// A stored version key ends in `#` and 12 hex digits when the source has settings (usecases/sync/source-version-key.ts).
const contentVersion = (key: string): string => key.replace(/#[0-9a-f]{12}$/, '');

/** Joins a configured source with its stored status and its source-level problem (origin `source`: it could not be read). */
export const reportSource = (listed: ListedSource, status: StoredSourceStatus | undefined, problems: readonly StoredProblem[]): SourceReport => {
  const { source, origin, url, registeredBy, registeredAt } = listed;
  const failure = problems.find((problem) => problem.sourceId === source.id && problem.origin === 'source' && problem.severity === 'error');
  const outcome = status?.lastAttemptAt === undefined ? 'never synced' : failure ? 'failed' : 'ok';
  return {
    id: source.id,
    type: source.type,
    origin,
    ...(url ? { url } : {}),
    ...(registeredBy ? { registeredBy } : {}),
    ...(registeredAt ? { registeredAt } : {}),
    ...readingOf(source),
    ...(status?.version ? { version: contentVersion(status.version) } : {}),
    ...(status?.lastAttemptAt ? { lastAttemptAt: status.lastAttemptAt } : {}),
    ...(status?.lastSuccessAt ? { lastSuccessAt: status.lastSuccessAt } : {}),
    outcome,
    ...(failure ? { problem: failure.message } : {}),
  };
};

/** The text form: the source on one line, then one indented line per fact. */
export const formatSourceReport = (report: SourceReport): string[] => {
  const origin = report.origin === 'configured' ? '' : `, ${report.origin}`;
  const lines = [`${report.id} (${report.type}${origin})`, `  reads from: ${report.from}`];
  if (report.registeredBy) lines.push(`  added by:   ${report.registeredBy} at ${report.registeredAt ?? '?'} (remove: callboard unregister '${report.id}')`);
  if (report.transport) lines.push(`  transport:  ${report.transport}`);
  if (report.type === 'git') lines.push(`  branch:     ${report.branch ?? "the remote's default branch"}`);
  if (report.patterns) lines.push(`  patterns:   ${report.patterns.join(', ')}`);
  if (report.outcome === 'never synced') {
    lines.push('  last sync:  never (run `callboard sync`)');
    return lines;
  }
  lines.push(`  last sync:  ${report.lastAttemptAt} — ${report.outcome === 'ok' ? 'ok' : `failed: ${report.problem}`}`);
  if (report.version) lines.push(`  version:    ${report.version}${report.lastSuccessAt ? ` (read ${report.lastSuccessAt})` : ''}`);
  return lines;
};

/** Configured sources first, then registered ones, then the built-in templates: the order passes read them in. */
const listSources = (config: Config, registered: readonly StoredRegisteredSource[]): ListedSource[] => [
  ...config.catalog.sources.map((source): ListedSource => ({ source, origin: 'configured' })),
  ...registered.map(({ config: source, url, registeredBy, registeredAt }): ListedSource => ({ source, origin: 'registered', url, registeredBy, registeredAt })),
  ...builtinSourceConfigs(config).map((source): ListedSource => ({ source, origin: 'built-in' })),
];

/**
 * `callboard sources`: every configured, registered and built-in source, where it reads from (for git, the transport git will use
 * and the branch), and what the database remembers of its last pass. Never syncs: a source that was never
 * synced says so.
 */
export const sourcesCommand = (io: CliIo) => async (options: { config?: string; json?: boolean }) => {
  const config = loadCliConfig(io, options.config);
  const runtime = openCatalogRuntime(config);
  try {
    const statuses = new Map(runtime.store.sourceStatuses().map((status) => [status.id, status]));
    const problems = runtime.store.problems();
    const listed = listSources(config, runtime.registeredSources.list());
    const reports = listed.map((source) => reportSource(source, statuses.get(source.source.id), problems));
    if (options.json) return io.out(JSON.stringify(reports, null, 2));
    if (reports.length === 0) return io.out(`No catalog sources are configured (catalog.sources in ${config.file ?? 'the built-in defaults'}).`);
    io.out(reports.flatMap(formatSourceReport).join('\n'));
  } finally {
    runtime.close();
  }
};
