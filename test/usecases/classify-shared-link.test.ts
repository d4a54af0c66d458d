import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/catalog/entity.ts';
import { classifySharedLink, type SharedLinkKind } from '../../src/usecases/classify-shared-link.ts';

const CALLBOARD = 'https://portal.acme.example/callboard';

const component = (annotations: Record<string, string> = {}, links: Entity['metadata']['links'] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', annotations: { 'github.com/project-slug': 'acme/billing', ...annotations }, links },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

const plain = component();
/** Catalog file in a sub-folder of a monorepo, TechDocs next to it (dir:.). */
const inMonorepo = component({
  'backstage.io/view-url': 'https://github.com/acme/billing/blob/main/services/billing/catalog-info.yaml',
  'backstage.io/techdocs-ref': 'dir:.',
});
/** TechDocs in a folder named by URL. */
const docsByUrl = component({ 'backstage.io/techdocs-ref': 'url:https://github.com/acme/billing/tree/main/handbook' });
const withDocsLink = component({}, [
  { url: 'https://github.com/acme/billing/wiki', title: 'Docs' },
  { url: 'https://github.com/acme/billing/blob/main/openapi.yaml', title: 'API spec' },
]);

const cases: Array<[string, Entity, string, SharedLinkKind]> = [
  ['root', plain, 'https://github.com/acme/billing', 'repository'],
  ['root, .git and upper case', plain, 'https://github.com/Acme/Billing.git', 'repository'],
  ['branch root with trailing slash', plain, 'https://github.com/acme/billing/tree/develop/', 'repository'],
  ['pull request', plain, 'https://github.com/acme/billing/pull/9', 'other'],
  ['pull request list', plain, 'https://github.com/acme/billing/pulls', 'other'],
  ['commit', plain, 'https://github.com/acme/billing/commit/abc', 'other'],
  ['compare', plain, 'https://github.com/acme/billing/compare/main...x', 'other'],
  ['catalog file (.yml)', plain, 'https://github.com/acme/billing/blob/main/catalog-info.yml', 'catalog-file'],
  ['catalog file in a folder', plain, 'https://github.com/acme/billing/blob/main/services/billing/catalog-info.yaml', 'catalog-file'],
  ['a folder named catalog-info.yaml is not the file', plain, 'https://github.com/acme/billing/tree/main/catalog-info.yaml', 'other'],
  ['no techdocs-ref: docs/ is just a folder', plain, 'https://github.com/acme/billing/tree/main/docs', 'other'],
  ['monorepo docs next to the catalog file', inMonorepo, 'https://github.com/acme/billing/blob/main/services/billing/docs/index.md', 'docs'],
  ['monorepo mkdocs.yml', inMonorepo, 'https://github.com/acme/billing/blob/main/services/billing/mkdocs.yml', 'docs'],
  ['monorepo: root docs/ belongs to someone else', inMonorepo, 'https://github.com/acme/billing/tree/main/docs', 'other'],
  ['monorepo: another mkdocs.yml', inMonorepo, 'https://github.com/acme/billing/blob/main/other/mkdocs.yml', 'other'],
  ['techdocs url: folder', docsByUrl, 'https://github.com/acme/billing/blob/main/handbook/on-call.md', 'docs'],
  ['techdocs url: not under it', docsByUrl, 'https://github.com/acme/billing/blob/main/handbook2/x.md', 'other'],
  ['techdocs url: same path in another repository', docsByUrl, 'https://github.com/acme/other/blob/main/handbook/x.md', 'other'],
  ['a declared docs link and its pages', withDocsLink, 'https://github.com/acme/billing/wiki/Runbook', 'docs'],
  ['a declared link that is not docs', withDocsLink, 'https://github.com/acme/billing/blob/main/openapi.yaml', 'other'],
  ['GitHub Enterprise root', plain, 'https://github.acme.example/acme/billing', 'repository'],
  ['a dashboard the entity lists is no repository root', withDocsLink, 'https://grafana.acme.example/d/billing', 'other'],
  ['a catalog file on another Git host', plain, 'https://gitlab.acme.example/acme/billing/-/blob/main/catalog-info.yaml', 'catalog-file'],
  ['Callboard entity page', plain, `${CALLBOARD}/catalog/default/component/billing`, 'entity-page'],
  ['Callboard docs page', plain, `${CALLBOARD}/docs/default/component/billing/runbook/`, 'docs'],
  ['another Callboard page', plain, `${CALLBOARD}/search?q=billing`, 'other'],
  ['not a URL', plain, 'billing', 'other'],
];

describe('classifySharedLink', () => {
  it.each(cases)('%s', (_, entity, url, expected) => {
    expect(classifySharedLink(url, entity, { callboardUrl: CALLBOARD })).toBe(expected);
  });

  it('without callboardUrl, Callboard-looking links are classified by their path like any other', () => {
    expect(classifySharedLink(`${CALLBOARD}/docs/default/component/billing`, plain)).toBe('other');
  });
});
