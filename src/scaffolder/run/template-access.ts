import { NotFoundError, PermissionError } from '../../core/errors.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { Requester, TemplateSummary } from '../scaffolder.ts';
import { isMemberOfAny } from './group-membership.ts';
import type { LoadedTemplate, TemplateCatalog } from './template-catalog.ts';

/** `callboard.dev/allowed-groups`: absent means everyone; otherwise members of those groups or their child groups. */
export const mayRun = (catalog: CatalogReader, definition: TemplateDefinition, requester: Requester | undefined): boolean =>
  definition.allowedGroups.length === 0 || isMemberOfAny(catalog, requester?.userRef, definition.allowedGroups);

const summaryOf = (loaded: LoadedTemplate & { definition: TemplateDefinition }): TemplateSummary => {
  const { definition } = loaded;
  return {
    ref: loaded.ref,
    title: definition.title,
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    type: definition.type,
    ...(definition.owner !== undefined ? { owner: definition.owner } : {}),
    tags: definition.tags,
    canRun: loaded.problems.length === 0,
    problems: loaded.problems,
    needsApproval: definition.approvers.length > 0,
  };
};

/** Every word (any case) appears in the title, description, tags, type or name. */
const matchesWords = (definition: TemplateDefinition, words: string[]): boolean => {
  const haystack = [definition.title, definition.description ?? '', definition.type, definition.name, ...definition.tags].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
};

const wordsOf = (text: string | undefined): string[] => (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);

const readable = (loaded: LoadedTemplate): loaded is LoadedTemplate & { definition: TemplateDefinition } => loaded.definition !== undefined;

/** Templates the requester may run, filtered by words, sorted by title. Unreadable templates are left to `callboard errors`. */
export const listTemplates = (templates: TemplateCatalog, catalog: CatalogReader, requester: Requester | undefined, words?: string): TemplateSummary[] => {
  const wanted = wordsOf(words);
  return templates
    .all()
    .filter(readable)
    .filter((loaded) => mayRun(catalog, loaded.definition, requester) && matchesWords(loaded.definition, wanted))
    .map(summaryOf)
    .sort((a, b) => a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref));
};

/** The template a requester asked for by ref. @throws NotFoundError, PermissionError */
export const loadRunnableTemplate = (
  templates: TemplateCatalog,
  catalog: CatalogReader,
  ref: string,
  requester: Requester | undefined,
): LoadedTemplate & { definition: TemplateDefinition } => {
  const loaded = templates.byRef(ref);
  if (!loaded) throw new NotFoundError(`no template ${ref} in the catalog; \`callboard templates\` lists them`);
  if (!readable(loaded)) throw new NotFoundError(`template ${ref} cannot be read: ${loaded.problems.map((p) => p.message).join('; ')}`);
  if (!mayRun(catalog, loaded.definition, requester)) {
    const who = requester?.userRef ?? requester?.fallbackId ?? 'you';
    throw new PermissionError(`${who} may not run ${ref}: it is for members of ${loaded.definition.allowedGroups.join(', ')} (callboard.dev/allowed-groups)`);
  }
  return loaded;
};
