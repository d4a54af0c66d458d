import type { DocsRunReport } from '../../docs/docs-builder.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `callboard docs build`: each site built with its pages, warnings (file:line) and time; failures; what was left alone. */
export const formatDocsBuild = (report: DocsRunReport): string => {
  const lines: string[] = [];
  for (const site of report.built) {
    lines.push(`built ${site.entityRef}: ${plural(site.pages, 'page')}, ${plural(site.warnings.length, 'warning')} (${site.ms} ms)`);
    for (const warning of site.warnings) lines.push(`  ${warning.file}${warning.line !== undefined ? `:${warning.line}` : ''}: warning: ${warning.message}`);
  }
  for (const failure of report.failed) lines.push(`failed ${failure.entityRef}: ${failure.error}`);
  const rest = [
    report.unchanged > 0 ? `${plural(report.unchanged, 'site')} unchanged (not rebuilt)` : '',
    report.removed > 0 ? `${plural(report.removed, 'site')} removed` : '',
  ].filter(Boolean);
  lines.push(`${rest.length > 0 ? `${rest.join(', ')}. ` : ''}Done in ${report.ms} ms.`);
  return lines.join('\n');
};

/** The JSON `callboard docs build --json` prints. */
export const docsBuildJson = (report: DocsRunReport) => ({
  built: report.built.map((site) => ({ entityRef: site.entityRef, pages: site.pages, warnings: site.warnings, ms: site.ms })),
  failed: report.failed,
  unchanged: report.unchanged,
  removed: report.removed,
  ms: report.ms,
});
