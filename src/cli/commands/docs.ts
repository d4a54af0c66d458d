import { openPublishedDocs } from '../../published-docs-runtime.ts';
import { findDocs } from '../../usecases/docs/find-docs.ts';
import { resolveDocsEntity } from '../../usecases/docs/split-docs-query.ts';
import { CliExit, describeUnresolved, loadCliConfig, openCatalogRuntimeForQuery, type CliIo } from '../cli-context.ts';
import { docsJson, formatDocs } from '../format/format-docs.ts';

/**
 * `callboard docs …`: one command with a subcommand (both registered in src/cli/main.ts).
 *   callboard docs <entity> [words...] [--json]   an entity's docs site and its best sections (this file, docsCommand)
 *   callboard docs build [<entity>] [--json]      build docs now (docs-build-command.ts)
 */

interface DocsOptions {
  config?: string;
  json?: boolean;
}

/** The same answer as `/docs <entity> [words]` in Slack, printed, after building what changed; exit 1 when the entity has no docs to open. */
export const docsCommand = (io: CliIo) => async (entity: string, words: string[], options: DocsOptions) => {
  const config = loadCliConfig(io, options.config);
  const runtime = await openCatalogRuntimeForQuery(io, config);
  try {
    // As `callboard scorecard` scores first: the docs whose content changed since their last build are built now, so
    // the answer never waits for `npm start` (an unchanged site costs a look at its content key).
    const { createDocsBuilder } = await import('../../docs/docs-runtime.ts');
    const { loadBuildDocsSite } = await import('../../docs/build-docs-site-port.ts');
    const report = await createDocsBuilder(config, runtime, await loadBuildDocsSite()).run({});
    if (report.built.length > 0) io.err(`Built the docs of ${report.built.length} ${report.built.length === 1 ? 'entity' : 'entities'} first.`);
    const access = openPublishedDocs(config, runtime);
    const resolution = resolveDocsEntity(runtime.store, entity, { hasDocs: (ref) => access.library.site(ref) !== undefined });
    if (resolution.status !== 'found') throw new CliExit(resolution.status === 'invalid' ? 2 : 1, describeUnresolved(resolution));
    const answer = findDocs(runtime.store, access, resolution.ref, words.join(' '));
    io.out(options.json ? JSON.stringify(docsJson(answer), null, 2) : formatDocs(answer));
    if (answer.status === 'none' && answer.parts.length === 0) throw new CliExit(1);
  } finally {
    runtime.close();
  }
};
