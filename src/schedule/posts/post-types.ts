import type { PostType } from './post-type.ts';
import type { PostTypeName } from './post-type-names.ts';

/** A registered post type: the message files it renders (known without loading it) and its builder. */
interface RegisteredPostType {
  messages: readonly string[];
  load: () => Promise<PostType>;
}

/**
 * The post types Callboard can send, one file each, loaded on first use: config loading (every CLI command) only
 * needs the names. Register a new type by adding it here; until then, schedules and subscriptions naming it are
 * refused up front with `describeUnavailablePostType`, so nothing half-built is ever posted.
 */
const registry: Partial<Record<PostTypeName, RegisteredPostType>> = {
  'catalog-health': { messages: ['catalog-health'], load: async () => (await import('./catalog-health.ts')).catalogHealthPost },
  'scorecard-digest': { messages: ['scorecard-digest'], load: async () => (await import('./scorecard-digest.ts')).scorecardDigestPost },
  'oncall-handoff': { messages: ['oncall-handoff'], load: async () => (await import('./oncall-handoff.ts')).oncallHandoffPost },
};

export const isPostTypeAvailable = (name: string): name is PostTypeName => Object.hasOwn(registry, name);

export const availablePostTypes = (): PostTypeName[] => Object.keys(registry) as PostTypeName[];

/** Every message file the registered post types render (templates/messages/<name>.hbs). */
export const postMessageNames = (): string[] => Object.values(registry).flatMap((type) => [...type.messages]);

/** Why a post type cannot be scheduled, for config errors and `/callboard subscribe` answers. */
export const describeUnavailablePostType = (name: string): string =>
  `${name} posts are not available in this version of Callboard; the post types it can send are ${availablePostTypes().join(', ')}`;

/** The post type's builder; throws for a name `isPostTypeAvailable` refuses. */
export const loadPostType = async (name: PostTypeName): Promise<PostType> => {
  const registered = registry[name];
  if (!registered) throw new Error(describeUnavailablePostType(name));
  return registered.load();
};
