import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleConfig } from '../helpers/run-cli.ts';

const component = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n`;

const FILES: Record<string, string> = {
  'org.yaml': [
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments-team\nspec:\n  type: team\n  children: []\n',
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: other-team\nspec:\n  type: team\n  children: []\n',
  ].join('---\n'),
  'scorecard.yaml': `apiVersion: callboard.dev/v1alpha1
kind: Scorecard
metadata: { name: production-readiness, title: Production readiness }
spec:
  owner: group:payments-team
  filter: { kind: Component }
  levels: [bronze, silver, gold]
  rules:
    - { id: owned-by-group, level: bronze, title: Owned by a team, check: { relation: ownedBy, targetKind: Group }, fix: Set spec.owner to a group ref. }
    - { id: readme, level: silver, check: { file: README.md }, fix: Write a README.md next to catalog-info.yaml. }
    - { id: has-docs, level: gold, check: { exists: 'metadata.annotations["backstage.io/techdocs-ref"]' } }
`,
  'services/pay-api/catalog-info.yaml': component('pay-api', 'payments-team'),
  'services/pay-api/README.md': '# pay-api\n',
  'services/pay-web/catalog-info.yaml': component('pay-web', 'payments-team'),
  'services/lonely/catalog-info.yaml': component('lonely', 'user:nobody'),
};

let config: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'callboard-scorecard-cli-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  config = exampleConfig(root);
  // The example config reads catalog-info.yaml only; this catalog also has org.yaml and scorecard.yaml.
  writeFileSync(
    config,
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${root}\n      patterns: ['**/*.yaml']\nscaffolder:\n  builtinTemplates: false\n`,
  );
});

describe('callboard scorecard', () => {
  it("prints an entity's results in exactly the issue's JSON shape", async () => {
    const { code, out } = await cli(['scorecard', 'pay-web', '--json', '--config', config]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      {
        scorecard: 'scorecard:default/production-readiness',
        entityRef: 'component:default/pay-web',
        level: 'bronze',
        passed: 1,
        total: 3,
        rules: [
          { id: 'owned-by-group', level: 'bronze', passed: true },
          { id: 'readme', level: 'silver', passed: false, message: 'services/pay-web/README.md does not exist' },
          { id: 'has-docs', level: 'gold', passed: false, message: 'metadata.annotations["backstage.io/techdocs-ref"] is missing or empty' },
        ],
        next: { level: 'silver', failing: ['readme'] },
      },
    ]);
  });

  it('shows rules by level with how to fix the failing ones, and what the next level needs', async () => {
    const { code, out } = await cli(['scorecard', 'lonely', '--config', config]);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'component:default/lonely on Production readiness (scorecard:default/production-readiness): no level, 0/3 rules pass',
        '  bronze:',
        '    ✗ owned-by-group (Owned by a team): has 0 ownedBy relations to a Group; needs at least 1',
        '      fix: Set spec.owner to a group ref.',
        '  silver:',
        '    ✗ readme: services/lonely/README.md does not exist',
        '      fix: Write a README.md next to catalog-info.yaml.',
        '  gold:',
        '    ✗ has-docs: metadata.annotations["backstage.io/techdocs-ref"] is missing or empty',
        '  Next: bronze needs owned-by-group',
      ].join('\n'),
    );
  });

  it("ranks a team's entities, best first", async () => {
    const { code, out } = await cli(['scorecard', 'group:payments-team', '--json', '--config', config]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      team: 'group:default/payments-team',
      owned: 3,
      scorecards: [
        {
          scorecard: 'scorecard:default/production-readiness',
          entities: [
            { entityRef: 'component:default/pay-api', level: 'silver', passed: 2, total: 3 },
            { entityRef: 'component:default/pay-web', level: 'bronze', passed: 1, total: 3 },
          ],
        },
      ],
    });
  });

  it("gives a scorecard's level distribution, highest level first", async () => {
    const json = await cli(['scorecard', 'scorecard:production-readiness', '--json', '--config', config]);
    expect(JSON.parse(json.out)).toEqual({
      scorecard: 'scorecard:default/production-readiness',
      scored: 3,
      levels: [
        { level: 'gold', count: 0 },
        { level: 'silver', count: 1 },
        { level: 'bronze', count: 1 },
        { level: null, count: 1 },
      ],
    });
    const text = await cli(['scorecard', 'scorecard:production-readiness', '--config', config]);
    expect(text.out).toContain('Production readiness (scorecard:default/production-readiness): 3 entities scored');
    expect(text.out).toContain('  no level       1');
  });

  it('exits 2 on a ref that names nothing', async () => {
    const { code, err } = await cli(['scorecard', 'no-such-thing', '--config', config]);
    expect(code).toBe(2);
    expect(err).toContain('No entity matches "no-such-thing"');
  });

  it('answers /scorecard and /callboard scorecard through callboard ask from the stored results', async () => {
    await cli(['scorecard', 'pay-web', '--config', config]);
    const slash = await cli(['ask', '/scorecard pay-web', '--json', '--config', config]);
    expect(slash.code).toBe(0);
    const message = JSON.parse(slash.out) as { text: string; blocks: unknown[] };
    expect(message.text).toBe('component:default/pay-web — Production readiness: bronze');
    expect(JSON.stringify(message.blocks)).toContain('_Fix:_ Write a README.md next to catalog-info.yaml.');
    const sub = await cli(['ask', '/callboard scorecard pay-web', '--json', '--config', config]);
    expect(JSON.parse(sub.out)).toEqual(message);
    const team = await cli(['ask', '/scorecard payments-team', '--config', config]);
    expect(team.out).toContain('1. `component:default/pay-api` *silver* · 2/3');
  });
});
