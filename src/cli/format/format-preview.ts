import type { RunPreview } from '../../scaffolder/scaffolder.ts';

/** `callboard scaffold --dry-run`: the files the fetch steps produce, the other steps in order, the repository. */
export const formatPreview = (preview: RunPreview): string => {
  const lines: string[] = [];
  if (preview.repository) lines.push(`Repository: ${preview.repository}`);
  lines.push(preview.outDir ? `Files (written to ${preview.outDir}):` : 'Files:');
  lines.push(...(preview.files.length > 0 ? preview.files.map((file) => `  ${file}`) : ['  (none)']));
  lines.push('Steps:');
  preview.steps.forEach((step, index) => {
    const state = !step.willRun ? 'skipped (its `if` is false)' : step.ranInDryRun ? 'rendered in this dry run' : 'not run in a dry run';
    lines.push(`  ${index + 1}. ${step.id} (${step.action}) ${step.name !== step.id ? `${step.name} — ` : ''}${state}`);
  });
  if (preview.catalogInfo)
    lines.push(
      'catalog-info.yaml:',
      ...preview.catalogInfo
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`),
    );
  return lines.join('\n');
};
