import type { SyncSummary } from '../../core/sync/sync-summary.ts';

/** What a pass changed, one line per source plus totals. */
export const formatSyncSummary = (summary: SyncSummary): string => {
  const lines = summary.sources.map((source) => {
    const detail =
      source.outcome === 'synced'
        ? `${source.filesRead} file(s) read, ${source.filesRemoved} removed`
        : source.outcome === 'unchanged'
          ? 'unchanged, skipped'
          : (source.message ?? 'unavailable');
    return `${source.id}: ${source.outcome} — ${detail}`;
  });
  lines.push(
    `entities: ${summary.added} added, ${summary.updated} updated, ${summary.removed} removed; problems: ${summary.errors} error(s), ${summary.warnings} warning(s); ${summary.durationMs} ms`,
  );
  return lines.join('\n');
};
