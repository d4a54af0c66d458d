import type { Check } from './scorecard.ts';

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** What a check requires, in words: used where a result needs the check itself (`not`, any's failures). */
export function describeCheck(check: Check): string {
  switch (check.type) {
    case 'exists':
      return `${check.path.text} is set`;
    case 'equals':
      return `${check.path.text} equals ${quote(check.value)}`;
    case 'matches':
      return `${check.path.text} matches /${check.pattern.source}/`;
    case 'in':
      return `${check.path.text} is one of ${check.values.map(quote).join(', ')}`;
    case 'relation':
      return `at least ${check.min} ${check.relation} relation${check.min === 1 ? '' : 's'}${check.targetKind ? ` to a ${check.targetKind}` : ''}`;
    case 'file':
      return check.contains ? `${check.path} contains /${check.contains.source}/` : `${check.path} exists`;
    case 'docs':
      return `docs changed within ${check.maxAgeDays} days`;
    case 'oncall':
      return 'someone is on call now';
    case 'noDependencyOn':
      return `no dependency is ${check.lifecycles.join(' or ')}`;
    case 'all':
      return `all of (${check.checks.map(describeCheck).join('; ')})`;
    case 'any':
      return `any of (${check.checks.map(describeCheck).join('; ')})`;
    case 'not':
      return `not (${describeCheck(check.check)})`;
  }
}
