import type { TemplateSummary } from '../../scaffolder/scaffolder.ts';

/** One template in `callboard templates --json`: what the text shows, with each problem's place. */
export interface TemplateJson {
  ref: string;
  title: string;
  description?: string;
  type: string;
  owner?: string;
  tags: string[];
  canRun: boolean;
  needsApproval: boolean;
  /** Why it cannot run (empty when it can): each problem with file and line. */
  whyNot: { message: string; file?: string; line?: number }[];
}

export const templateJson = (summary: TemplateSummary): TemplateJson => ({
  ref: summary.ref,
  title: summary.title,
  ...(summary.description ? { description: summary.description } : {}),
  type: summary.type,
  ...(summary.owner ? { owner: summary.owner } : {}),
  tags: summary.tags,
  canRun: summary.canRun,
  needsApproval: summary.needsApproval,
  whyNot: summary.canRun
    ? []
    : summary.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => ({
          message: problem.message,
          ...(problem.file ? { file: problem.file } : {}),
          ...(problem.line !== undefined ? { line: problem.line } : {}),
        })),
});

const where = (problem: TemplateJson['whyNot'][number]): string =>
  problem.file ? `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}: ` : '';

/** The text form: the ref and title, then one indented line per fact; a template that cannot run says why. */
export const formatTemplate = (summary: TemplateSummary): string[] => {
  const json = templateJson(summary);
  const lines = [`${json.ref}  ${json.title}`];
  if (json.description) lines.push(`  ${json.description}`);
  lines.push(`  type: ${json.type}${json.owner ? `   owner: ${json.owner}` : ''}${json.tags.length > 0 ? `   tags: ${json.tags.join(', ')}` : ''}`);
  if (json.canRun) {
    lines.push(`  can run: yes${json.needsApproval ? ' (after approval)' : ''}`);
    return lines;
  }
  const reasons = json.whyNot.length > 0 ? json.whyNot : [{ message: 'the template has problems; run `callboard errors`' }];
  lines.push('  can run: no —', ...reasons.map((problem) => `    ${where(problem)}${problem.message}`));
  return lines;
};

export const formatTemplates = (summaries: readonly TemplateSummary[]): string => {
  if (summaries.length === 0) {
    return 'No templates in the catalog. Templates are `kind: Template` entities from any source, plus the golden paths in templates/ (scaffolder.builtinTemplates).';
  }
  return summaries.map((summary) => formatTemplate(summary).join('\n')).join('\n\n');
};
