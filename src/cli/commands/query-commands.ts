import { findDependencies } from '../../usecases/find-dependencies.ts';
import { findOwner } from '../../usecases/find-owner.ts';
import { findPerson } from '../../usecases/find-person.ts';
import { findTeam } from '../../usecases/find-team.ts';
import { CliExit, openCatalogForQuery, type CliIo } from '../cli-context.ts';
import { formatDependencies } from '../format/format-dependencies.ts';
import { formatEntity } from '../format/format-entity.ts';
import { formatOwner } from '../format/format-owner.ts';
import { formatPerson, formatTeam } from '../format/format-team.ts';
import { withResolvedEntity } from './with-entity.ts';

interface Common {
  config?: string;
  json?: boolean;
}

const printJson = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));

export const entityCommand = (io: CliIo) => (input: string, options: Common) =>
  withResolvedEntity(io, options.config, input, ({ store }, ref) => {
    const entity = store.entity(ref)!;
    io.out(options.json ? JSON.stringify(entity, null, 2) : formatEntity(entity));
  });

export const entitiesCommand = (io: CliIo) => async (options: Common & { kind?: string }) => {
  const runtime = await openCatalogForQuery(io, options.config);
  try {
    const entities = runtime.store.entities(options.kind ? { kind: options.kind } : {});
    if (options.json) return printJson(io, entities);
    for (const entity of entities) io.out(`${entity.kind}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`);
  } finally {
    runtime.close();
  }
};

export const ownerCommand = (io: CliIo) => (input: string, options: Common) =>
  withResolvedEntity(io, options.config, input, ({ store }, ref) => {
    // A team or a person is answered with its own card, as /owner does in Slack.
    const kind = ref.slice(0, ref.indexOf(':')).toLowerCase();
    if (kind === 'group') return printAnswer(io, options, findTeam(store, ref), formatTeam);
    if (kind === 'user') return printAnswer(io, options, findPerson(store, ref), formatPerson);
    printAnswer(io, options, findOwner(store, ref), formatOwner);
  });

const printAnswer = <T>(io: CliIo, options: Common, answer: T, format: (answer: T) => string): void =>
  options.json ? printJson(io, answer) : io.out(format(answer));

export const depsCommand = (io: CliIo) => (input: string, options: Common & { depth?: number; reverse?: boolean }) =>
  withResolvedEntity(io, options.config, input, ({ store }, ref) => {
    const direction = options.reverse ? 'reverse' : 'forward';
    const answer = findDependencies(store, ref, { direction, ...(options.depth !== undefined ? { depth: options.depth } : {}) });
    io.out(options.json ? JSON.stringify(answer, null, 2) : formatDependencies(answer));
  });

export const searchCommand = (io: CliIo) => async (words: string[], options: Common & { kind?: string; limit: number }) => {
  const runtime = await openCatalogForQuery(io, options.config);
  try {
    const result = runtime.store.search(words.join(' '), { limit: options.limit, ...(options.kind ? { kind: options.kind } : {}) });
    if (options.json) return printJson(io, result);
    if (result.didYouMean) io.out(`No match for "${result.query}". Did you mean "${result.didYouMean}"?`);
    if (result.hits.length === 0) throw new CliExit(1, `Nothing in the catalog matches "${result.query}".`);
    for (const hit of result.hits) {
      io.out(`${hit.ref}${hit.ownerRef ? `  owner ${hit.ownerRef}` : ''}${hit.description ? `\n    ${hit.description}` : ''}`);
    }
  } finally {
    runtime.close();
  }
};
