import { openDatabase } from '../../../src/store/open-database.ts';
import { loadMessageTemplates } from '../../../src/messages/message-templates.ts';
import { createPostBuilder } from '../../../src/schedule/scheduled-posts-runtime.ts';
import type { PostLedger } from '../../../src/schedule/post-ledger.ts';
import { SqliteCatalogStore } from '../../../src/store/sqlite-catalog-store.ts';
import { SqliteScorecardResults } from '../../../src/store/sqlite-scorecard-results.ts';
import { WriteQueue } from '../../../src/store/write-queue.ts';
import { SyncHarness, component, group } from '../../helpers/sync-harness.ts';
import { DigestHistory, digestScorecardYaml, type Standing } from '../../core/scorecards/digest/digest-history.ts';
import { testSchedule } from './post-harness.ts';

/**
 * A catalog database with two teams, six services and the `readiness` scorecard, whose results and history are
 * written as scoring runs would write them: what a scorecard-digest schedule posts from, in one process or several.
 */

export { FIRST_RUN, SECOND_RUN } from '../../helpers/digest-week.ts';

export const digestSchedule = testSchedule({ id: 'readiness-weekly', post: 'scorecard-digest', scorecard: 'readiness' });

export const syncDigestCatalog = async (path: string): Promise<void> => {
  const catalog = new SyncHarness(undefined, undefined, path);
  catalog.write('teams.yaml', `${group('team-a')}\n---\n${group('team-b')}`);
  catalog.write('scorecard.yaml', digestScorecardYaml);
  for (const name of ['a', 'b', 'c']) catalog.write(`${name}.yaml`, component(name, { owner: 'team-a' }));
  for (const name of ['d', 'e', 'f']) catalog.write(`${name}.yaml`, component(name, { owner: 'team-b' }));
  await catalog.sync();
  catalog.close();
};

/** Scores one run at `at` into the database, storing the results and a history row per change, as the runner does. */
export const writeScoringRun = async (path: string, history: DigestHistory, at: string, standings: Record<string, Standing>): Promise<void> => {
  history.run(at, standings);
  const db = openDatabase(path).$client;
  const results = new SqliteScorecardResults({ queue: new WriteQueue(db), writer: db, reader: db });
  const changes = history.rows.filter((row) => row.at.getTime() === new Date(at).getTime());
  await results.write({ at: new Date(at), upserts: history.current(), removals: [], changes, stamps: [] });
  db.close();
};

/** The post builder `npm start` wires, on its own connections to the database; `close` when the process ends. */
export const digestBuilder = (path: string) => {
  const catalogDb = openDatabase(path, { migrate: false });
  const resultsDb = openDatabase(path, { migrate: false }).$client;
  const scorecards = new SqliteScorecardResults({ queue: new WriteQueue(resultsDb), writer: resultsDb, reader: resultsDb });
  const messages = loadMessageTemplates({ names: ['scorecard-digest'], overrides: {}, configKey: 'postMessages' });
  const store = new SqliteCatalogStore(catalogDb);
  return {
    build: (ledger: Pick<PostLedger, 'postBefore'>) => createPostBuilder({ store, messages, scorecards, ledger }),
    close: () => {
      catalogDb.$client.close();
      resultsDb.close();
    },
  };
};
