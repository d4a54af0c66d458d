import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { canonicalEntityRef, tryParseEntityRef } from '../../core/catalog/refs.ts';
import type { Requester } from '../../scaffolder/scaffolder.ts';
import { CliExit, type CliIo } from '../cli-context.ts';

/** `typescript-service` or `template:default/typescript-service` → the canonical template ref. */
export const templateRefOf = (argument: string): string => {
  const parsed = tryParseEntityRef(argument, { defaultKind: 'template' });
  if (!parsed.ok) throw new CliExit(2, `"${argument}" is not a template name or ref (${parsed.message}); \`callboard templates\` lists them`);
  if (parsed.ref.kind.toLowerCase() !== 'template')
    throw new CliExit(2, `"${argument}" names a ${parsed.ref.kind}, not a Template; \`callboard templates\` lists them`);
  return canonicalEntityRef(argument, { defaultKind: 'template' })!;
};

const loginName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

/**
 * Who the CLI runs as: `--as user:default/alice` makes `user.ref` and `user.entity` that catalog User; without
 * it the run is recorded as `cli:<login>` and the template sees no user.
 */
export const requesterOf = (as: string | undefined, env: NodeJS.ProcessEnv): Requester => {
  const login = env.USER ?? env.USERNAME ?? loginName();
  if (as === undefined) return { fallbackId: `cli:${login}` };
  const parsed = tryParseEntityRef(as, { defaultKind: 'user' });
  if (!parsed.ok || parsed.ref.kind.toLowerCase() !== 'user') {
    throw new CliExit(2, `--as expects a catalog User ref such as user:default/alice, got "${as}"${parsed.ok ? '' : ` (${parsed.message})`}`);
  }
  return { userRef: canonicalEntityRef(as, { defaultKind: 'user' })!, fallbackId: `cli:${login}` };
};

const readAll = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};

/** What reading `--values` needs besides the io: stdin for `-` (tests pass their own). */
export interface ValuesSource {
  stdin?: () => Promise<string>;
}

/** Reads `--values FILE|-`: a YAML or JSON mapping of parameter names to values. */
export const readValues = async (file: string, io: CliIo, source: ValuesSource = {}): Promise<Record<string, unknown>> => {
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = file === '-' ? await (source.stdin ?? (() => readAll(process.stdin)))() : await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new CliExit(2, `cannot read --values ${name}: ${(error as Error).message}`);
  }
  let values: unknown;
  try {
    values = parseYaml(text);
  } catch (error) {
    throw new CliExit(2, `--values ${name} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (values === null || values === undefined) return {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    throw new CliExit(
      2,
      `--values ${name} must be a mapping of parameter names to values (e.g. name: my-service), not ${Array.isArray(values) ? 'a list' : typeof values}`,
    );
  }
  return values as Record<string, unknown>;
};
