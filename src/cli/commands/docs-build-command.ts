import { resolveEntity } from '../../usecases/resolve-entity.ts';
import { CliExit, describeUnresolved, loadCliConfig, openCatalogRuntimeForQuery, type CliIo } from '../cli-context.ts';
import { docsBuildJson, formatDocsBuild } from '../format/format-docs-build.ts';

interface DocsBuildOptions {
  config?: string;
  json?: boolean;
}

/**
 * `callboard docs build [<entity>] [--json]`: builds now, from each source as the catalog last synced it, the docs whose
 * content changed since their last build (an unchanged site is reported, not rebuilt). Exit 1 when a build failed,
 * 2 when the entity is unknown or has no docs annotation.
 */
export const docsBuildCommand = (io: CliIo) => async (entity: string | undefined, options: DocsBuildOptions) => {
  const config = loadCliConfig(io, options.config);
  const runtime = await openCatalogRuntimeForQuery(io, config);
  try {
    let only: Set<string> | undefined;
    if (entity !== undefined) {
      const resolution = resolveEntity(runtime.store, entity);
      if (resolution.status !== 'found') throw new CliExit(2, describeUnresolved(resolution));
      if (!runtime.docsStore.documentedEntities().some((documented) => documented.ref === resolution.ref)) {
        throw new CliExit(2, `${resolution.ref} has no docs: add backstage.io/techdocs-ref (e.g. dir:.) or backstage.io/techdocs-entity to its catalog file`);
      }
      only = new Set([resolution.ref]);
    }
    const { createDocsBuilder } = await import('../../docs/docs-runtime.ts');
    const { loadBuildDocsSite } = await import('../../docs/build-docs-site-port.ts');
    const report = await createDocsBuilder(config, runtime, await loadBuildDocsSite()).run(only ? { only } : {});
    io.out(options.json ? JSON.stringify(docsBuildJson(report), null, 2) : formatDocsBuild(report));
    if (report.failed.length > 0) throw new CliExit(1);
  } finally {
    runtime.close();
  }
};
