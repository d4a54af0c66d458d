import { resolveEntity } from '../../usecases/resolve-entity.ts';
import { CliExit, describeUnresolved, openCatalogForQuery, type CliIo, type QueryCatalog } from '../cli-context.ts';

/** Opens the catalog, resolves the entity a person named, runs `action`, and always closes the catalog. */
export const withResolvedEntity = async (
  io: CliIo,
  configFile: string | undefined,
  input: string,
  action: (catalog: QueryCatalog, ref: string) => void,
): Promise<void> => {
  const runtime = await openCatalogForQuery(io, configFile);
  try {
    const resolution = resolveEntity(runtime.store, input);
    if (resolution.status !== 'found') throw new CliExit(resolution.status === 'invalid' ? 2 : 1, describeUnresolved(resolution));
    action(runtime, resolution.ref);
  } finally {
    runtime.close();
  }
};
