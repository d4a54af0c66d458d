import { describe, expect, it } from 'vitest';
import { compileBoundedPattern } from '../../../src/core/scorecards/compile-bounded-pattern.ts';

const reasonOf = (pattern: string) => {
  const compiled = compileBoundedPattern(pattern);
  return compiled.ok ? 'ok' : compiled.reason;
};

describe('compileBoundedPattern', () => {
  it.each([
    '^acme/',
    '## Runbook',
    '^v\\d+\\.\\d+$',
    '(ab)+c',
    '(foo|bar)?baz',
    '(?:x\\d+)?',
    '[(a+)+]*',
    '\\(a+\\)+',
    'a{2,3}',
    '(a){2}',
    '(?<name>x)y',
    '(?=a)\\w+',
    'owner: (team-a|team-b)',
    'x{',
    '[^]*',
    `${'a?'.repeat(10)}x`,
  ])('accepts %s', (pattern) => {
    expect(reasonOf(pattern)).toBe('ok');
  });

  it.each<[string, RegExp]>([
    ['(a+)+$', /exponential/],
    ['^(a|a)*$', /exponential/],
    ['(\\w+\\s?)*x', /exponential/],
    ['(?:a*)*', /exponential/],
    ['((ab)+)+', /exponential/],
    ['(a+){2,}', /exponential/],
    ['(x(a|b))*', /exponential/],
    ['(a+)*?', /exponential/],
    ['[](a+)+', /exponential/],
    ['(a?){30}a{30}', /exponential/],
    [`${'a?'.repeat(11)}${'a'.repeat(11)}`, /at most 10 quantifiers/],
    ['(ab?)+', /exponential/],
    ['[^](a+)+', /exponential/],
    ['[\\]](a+)+', /exponential/],
    ['(a)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['(', /does not compile/],
    ['[', /does not compile/],
    ['a'.repeat(201), /at most 200 characters; this one has 201/],
  ])('refuses %s', (pattern, reason) => {
    expect(reasonOf(pattern)).toMatch(reason);
  });

  it('compiles to an unanchored search, with ^ and $ at each line for files', () => {
    const lines = compileBoundedPattern('^## Runbook$', { lines: true });
    expect(lines.ok && lines.regex.test('# Svc\n## Runbook\nx')).toBe(true);
    const whole = compileBoundedPattern('^## Runbook$');
    expect(whole.ok && whole.regex.test('# Svc\n## Runbook\nx')).toBe(false);
    const compiled = compileBoundedPattern('b+');
    expect(compiled.ok && compiled.regex.test('aabbcc')).toBe(true);
    expect(compiled.ok && compiled.regex.flags).toBe('');
  });
});
