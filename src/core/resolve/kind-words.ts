/**
 * Words that name a kind of thing ("the payments **api**", "orders **db**"): they steer a match toward that
 * kind instead of being dropped. Each lists the kinds it fits, the `spec.type`s it prefers among them, and
 * its other spellings ("db" and "database"), so "orders database" also finds a thing named `orders-db`.
 */
export interface KindWord {
  /** Kinds as Backstage spells them (`API`, `Component`). */
  kinds: readonly string[];
  /** Preferred `spec.type`s (lower case) among several entities of those kinds that fit equally. */
  types: readonly string[];
  spellings: readonly string[];
}

const kindWord = (kinds: string[], types: string[], spellings: string[]): KindWord => ({ kinds, types, spellings });

const KIND_WORDS: readonly KindWord[] = [
  kindWord(['API'], [], ['api', 'apis']),
  kindWord(['Component'], ['service'], ['service', 'services', 'svc', 'microservice']),
  kindWord(['Component'], ['website'], ['website', 'site', 'frontend', 'webapp']),
  kindWord(['Component'], ['library'], ['library', 'lib', 'sdk', 'package']),
  kindWord(['Component'], [], ['component']),
  kindWord(['Group'], ['team'], ['team', 'squad', 'group']),
  kindWord(['Group'], ['department'], ['department', 'dept']),
  kindWord(['Resource'], ['database'], ['db', 'database', 'datastore']),
  kindWord(['Resource'], ['queue'], ['queue']),
  // An event topic may be catalogued as the Resource that hosts it or as the AsyncAPI describing it.
  kindWord(['Resource', 'API'], ['topic', 'asyncapi'], ['topic']),
  kindWord(['Resource'], ['s3-bucket', 'bucket'], ['bucket']),
  kindWord(['Resource'], [], ['resource']),
  kindWord(['System'], [], ['system']),
  kindWord(['Domain'], [], ['domain']),
  kindWord(['User'], [], ['user', 'person']),
  kindWord(['Template'], [], ['template']),
  kindWord(['Location'], [], ['location']),
];

const BY_SPELLING = new Map(KIND_WORDS.flatMap((entry) => entry.spellings.map((spelling) => [spelling, entry] as const)));

/** The kind a normalised word names, e.g. "svc" → Component (type service). */
export const kindWordFor = (word: string): KindWord | undefined => BY_SPELLING.get(word);

/** True when an entity of this kind fits the word (kinds compare in any case). */
export const fitsKind = (word: KindWord, kind: string): boolean => word.kinds.some((fit) => fit.toLowerCase() === kind.toLowerCase());

/** True when the entity's `spec.type` is one the word prefers. */
export const prefersType = (word: KindWord, type: string | undefined): boolean => type !== undefined && word.types.includes(type.toLowerCase());
