import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { answerHome } from '../../../src/slack/listeners/answers/answer-home.ts';
import { memoryChannels, memoryUsers, openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const headingOf = (home: Awaited<ReturnType<typeof answerHome>>) => JSON.stringify(home.blocks.find((block) => block.block_id === 'home.team.0.heading'));

describe('App Home: the user’s teams on their scorecards', () => {
  it('summarises each team’s stored results under its heading', async () => {
    const asked: string[][] = [];
    const scorecards = {
      resultsOfEntity: () => [],
      resultsOfScorecard: () => [],
      resultsOfEntities: (refs: readonly string[]) => {
        asked.push([...refs]);
        return refs.map((entityRef) => ({
          scorecard: 'scorecard:default/production-readiness',
          entityRef,
          level: 'silver',
          passed: 5,
          total: 6,
          levels: [],
          rules: [{ id: 'has-docs', level: 'gold', passed: false }],
          next: { level: 'gold', failing: ['has-docs'] },
        }));
      },
    };
    const deps = { ...slackDepsFor(runtime, {}, memoryUsers().api, memoryChannels().api), scorecards };
    const home = await answerHome(deps, People.marcus.id);
    expect(asked[0]).toContain('component:default/checkout-service');
    expect(headingOf(home)).toMatch(/:bar_chart: Production readiness: gold 0 · silver \d+ · bronze 0 · no level 0 · next best fix: [^"]+ \(lifts \d+\)/);
  });

  it('shows no scorecard line where results are not kept', async () => {
    const home = await answerHome(slackDepsFor(runtime, {}, memoryUsers().api, memoryChannels().api), People.marcus.id);
    expect(headingOf(home)).not.toContain(':bar_chart:');
  });
});
