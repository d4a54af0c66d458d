/**
 * The engine against what Backstage's scaffolder 4.3.0 gives. Every expected value in TABLE was produced once by
 * Backstage's own renderer (nunjitsu 0.7 created as NunjucksWorkflowRunner creates it, with createDefaultFilters and
 * renderValue(…, { coercion: 'json' })) over SCOPE, then copied here
 * (test/fixtures/scaffolder-expressions/backstage-results.mjs prints them again from a Backstage install).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../../src/core/scaffolder/expressions.ts';
import { TemplateRenderError } from '../../../src/core/scaffolder/template-engine.ts';

// The scope and the script that printed Backstage's results: test/fixtures/scaffolder-expressions/.
const SCOPE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/scaffolder-expressions/scope.json'), 'utf8')) as Record<
  string,
  unknown
>;

const TABLE: [string, unknown][] = [
  // A sole interpolation keeps its type; anything else is a string.
  ['${{ parameters.count }}', 3],
  ['${{ parameters.enabled }}', true],
  ['${{ parameters.tags }}', ['a', 'b']],
  ['${{ parameters.meta }}', { nested: { deep: 1 } }],
  ['${{ parameters.meta.nested }}', { deep: 1 }],
  ["${{ { 'a': parameters.count } }}", { a: 3 }],
  ['${{ [parameters.name, parameters.count] }}', ['svc', 3]],
  ['count: ${{ parameters.count }}', 'count: 3'],
  ['${{ parameters.count }}${{ parameters.count }}', '33'],
  [' ${{ parameters.enabled }}', ' true'],
  ['${{ parameters.missing }}', undefined],
  ['${{ user.entity.metadata.missing }}', undefined],
  ['${{ parameters.empty }}', ''],
  ["${{ '' }}", ''],
  ['${{ "42" }}', '42'],
  ['${{ "true" }}', 'true'],
  ['42', '42'],
  ['true', 'true'],
  ['plain text', 'plain text'],
  ['{{ parameters.name }}', '{{ parameters.name }}'],
  // JSON coercion of a lone block, as Backstage's runner asks for it (`if` values written as blocks).
  ['{% if parameters.enabled %}true{% endif %}', true],
  ['{% if parameters.enabled %}[1, 2]{% endif %}', [1, 2]],
  ['{% if parameters.disabled %}true{% else %}false{% endif %}', false],
  ['{% if parameters.disabled %}true{% endif %}', undefined],
  ['{% if parameters.disabled %}[1, 2]{% endif %}', undefined],
  ['{% for t in parameters.tags %}${{ t }}{% endfor %}', 'ab'],
  // Operators: === and !== work; `not` works in nunjitsu (the `!` of JavaScript does not parse, see below).
  ['${{ parameters.count === 3 }}', true],
  ['${{ parameters.count !== 3 }}', false],
  ["${{ parameters.name == 'svc' }}", true],
  ['${{ not parameters.enabled }}', false],
  ['${{ parameters.enabled and parameters.disabled }}', false],
  ['${{ parameters.count > 2 and parameters.enabled }}', true],
  ["${{ 'a' if parameters.enabled else 'b' }}", 'a'],
  ['${{ parameters.count + 1 }}', 4],
  ['${{ parameters.tags[0] }}', 'a'],
  ['${{ parameters.name.length }}', 3],
  // Scope.
  ["${{ steps['fetch-base'].output.url }}", 'https://x/y'],
  ['${{ steps.publish.output.remoteUrl }}', 'https://github.com/acme/svc.git'],
  ['${{ user.ref }}', 'user:default/jdoe'],
  ['${{ user.entity.metadata.name }}', 'jdoe'],
  ['${{ user.entity.spec.profile.email }}', 'j@x.io'],
  ['${{ context.task.id }}', 'task-1'],
  ['${{ each.value.name }}', 'first'],
  ['${{ each.key }}', '0'],
  ['${{ secrets.token }}', 's3cret'],
  ['${{ process }}', undefined],
  // Backstage's filters.
  ['${{ parameters.repoUrl | parseRepoUrl }}', { host: 'github.com', owner: 'acme', repo: 'svc' }],
  ['${{ (parameters.repoUrl | parseRepoUrl).owner }}', 'acme'],
  ["${{ parameters.repoUrl | parseRepoUrl | pick('repo') }}", 'svc'],
  ['${{ parameters.repoUrl | projectSlug }}', 'acme/svc'],
  ['${{ parameters.gitlabUrl | parseRepoUrl }}', { host: 'gitlab.com', repo: 'r', project: 'grp/sub' }],
  ['${{ parameters.owner | parseEntityRef }}', { kind: 'group', namespace: 'default', name: 'team-a' }],
  ["${{ parameters.bareOwner | parseEntityRef({ defaultKind: 'group', defaultNamespace: 'ops' }) }}", { kind: 'group', namespace: 'ops', name: 'team-a' }],
  ["${{ parameters.owner | parseEntityRef | pick('name') }}", 'team-a'],
  ["${{ parameters.meta | pick('nested.deep') }}", 1],
  ["${{ parameters | pick('meta.nested.deep') }}", 1],
  ["${{ parameters.tags | pick('[1]') }}", 'b'],
  // Built-in filters, and regex (allowed, as Backstage allows it).
  ['${{ parameters.name | upper }}', 'SVC'],
  ["${{ parameters.tags | join(',') }}", 'a,b'],
  ["${{ parameters.tags | join('-') | upper }}", 'A-B'],
  ['${{ parameters.tags | length }}', 2],
  ['${{ parameters.meta | dump }}', '{"nested":{"deep":1}}'],
  ["${{ parameters.missing | default('fallback') }}", 'fallback'],
  ["${{ parameters.name | replace('s', 'S') }}", 'Svc'],
  ["${{ 'service' | replace(r/[aeiou]/g, '_') }}", 's_rv_c_'],
  ['${{ parameters.name | title }}', 'Svc'],
  ['${{ parameters.count | string }}', '3'],
  ['${{ parameters.tags | first }}', 'a'],
  ['${{ parameters.description | trim }}', 'padded'],
];

// What Backstage refuses (its renderer throws on each of these).
const FAILURES: [string, RegExp][] = [
  ['${{ !parameters.enabled }}', /Unexpected character "!"/],
  ['${{ parameters.bareOwner | parseEntityRef }}', /parseEntityRef.*team-a.*no kind/],
  ['${{ parameters.name | nosuchfilter }}', /Unknown template filter "nosuchfilter"/],
  ["${{ 'github.com?repo=only' | parseRepoUrl }}", /missing owner/],
];

const engine = createTemplateEngine();

describe('renderValue gives what Backstage gives', () => {
  it.each(TABLE)('%s', (source, expected) => {
    expect(engine.renderValue(source, SCOPE)).toStrictEqual(expected);
  });

  it.each(FAILURES)('%s fails with a TemplateRenderError', (source, message) => {
    expect(() => engine.renderValue(source, SCOPE)).toThrow(TemplateRenderError);
    expect(() => engine.renderValue(source, SCOPE)).toThrow(message);
  });
});
