import { userInfo } from 'node:os';
import { openCatalogRuntime } from '../../catalog-runtime.ts';
import { registrarForRuntime } from '../../scaffolder/register/registrar-for-runtime.ts';
import { loadCliConfig, type CliIo } from '../cli-context.ts';

/** Who registered from the CLI: the account running it (Slack registrations record the Slack user). */
const cliUser = (): string => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
};

/**
 * `callboard register <url>`: a Git URL, a GitHub repository URL, a `…/blob/<branch>/catalog-info.yaml` URL or a
 * local path becomes a catalog source kept in the database, synced now; its entities answer when this returns.
 */
export const registerCommand = (io: CliIo) => async (url: string, options: { config?: string; json?: boolean }) => {
  const config = loadCliConfig(io, options.config);
  const runtime = openCatalogRuntime(config, { onWriteWait: () => io.err(`waiting for another Callboard process writing to ${config.database.path}…`) });
  try {
    const result = await registrarForRuntime(runtime, config).register(url, cliUser());
    if (options.json) return io.out(JSON.stringify({ ...result.source, created: result.created, entityRefs: result.entityRefs }, null, 2));
    const lines = [`${result.created ? 'Registered' : 'Already registered'}: ${result.source.id} (${result.source.type})`];
    if (result.entityRefs.length === 0) lines.push('No entity found in it yet; `callboard errors` shows why a file was not read.');
    else lines.push(`Entities (${result.entityRefs.length}): ${result.entityRefs.slice(0, 20).join(', ')}${result.entityRefs.length > 20 ? ', …' : ''}`);
    lines.push(`Remove it with: callboard unregister '${result.source.id}'`);
    io.out(lines.join('\n'));
  } finally {
    runtime.close();
  }
};

/** `callboard unregister <id>`: removes a registered source and, at once, its entities. */
export const unregisterCommand = (io: CliIo) => async (id: string, options: { config?: string }) => {
  const config = loadCliConfig(io, options.config);
  const runtime = openCatalogRuntime(config, { onWriteWait: () => io.err(`waiting for another Callboard process writing to ${config.database.path}…`) });
  try {
    await registrarForRuntime(runtime, config).unregister(id);
    io.out(`Unregistered ${id}; its entities left the catalog.`);
  } finally {
    runtime.close();
  }
};
