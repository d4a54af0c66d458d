import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../src/core/catalog/entity.ts';
import { buildFormPages } from '../../../../src/core/scaffolder/form/build-form-model.ts';
import { validateFormValues } from '../../../../src/core/scaffolder/form/validate-form-values.ts';
import { readTemplateDefinition } from '../../../../src/core/scaffolder/read-template-definition.ts';
import { parseTemplateFormValues } from '../../../../src/slack/parse/template-form-values.ts';
import { sessionMetadata } from '../../../../src/slack/listeners/scaffolder/form-sessions.ts';
import { templatePageModal } from '../../../../src/slack/views/scaffolder/template-page-modal.ts';
import { expectNoInjectedControls, expectViewWithinLimits } from '../view-helpers.ts';
import { untouchedState } from './form-state.ts';

/** Every Template in the vendored Backstage corpus and in the golden paths shipped in templates/. */
const repoRoot = join(import.meta.dirname, '../../../..');
const yamlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'skeleton' || name === 'content' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
const templates = [join(repoRoot, 'test/fixtures/backstage-corpus'), join(repoRoot, 'templates')].flatMap(yamlFiles).flatMap((file) =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJS() as Entity | null)
    .filter((entity): entity is Entity => entity?.kind === 'Template')
    .map((entity) => ({ file: relative(repoRoot, file), entity })),
);

describe('every template in the corpus and templates/ becomes valid Slack modals', () => {
  it('finds the templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(15);
  });

  it.each(templates.map(({ file, entity }) => [`${file} (${entity.metadata.name})`, entity] as const))('%s', (_, entity) => {
    const definition = readTemplateDefinition(entity);
    const pages = buildFormPages(definition.pages);
    pages.forEach((page, i) => {
      const defaults = Object.fromEntries(page.fields.filter((field) => field.default !== undefined).map((field) => [field.name, field.default]));
      const modal = templatePageModal({
        templateTitle: definition.title,
        page,
        position: { number: i + 1, of: pages.length },
        values: defaults,
        privateMetadata: sessionMetadata({ id: 'form-1', page: i }),
        isLast: i === pages.length - 1,
      });
      expectViewWithinLimits(modal);
      expectNoInjectedControls(modal);
      // Submitted untouched, the page reads back without errors, and validation names only real fields (or the page).
      const parsed = parseTemplateFormValues(page, untouchedState(modal));
      expect(parsed.errors).toEqual({});
      const known = new Set(['', ...definition.pages.flatMap((p) => Object.keys(p.properties ?? {})), ...page.fields.map((field) => field.name)]);
      for (const name of Object.keys(validateFormValues(definition.pages, parsed.values, { pageIndexes: [i] }))) expect(known.has(name), name).toBe(true);
    });
  });
});
