/**
 * Every kind of scheduled post a schedule may name (`schedules[].post`), and what a Slack subscription calls it.
 * Whether one can be sent is the registry's business (post-types.ts): a name here that has no post type there
 * is refused at config load and at subscribe time, so nothing half-built is ever posted.
 */
export const POST_TYPE_NAMES = ['scorecard-digest', 'oncall-handoff', 'catalog-health'] as const;

export type PostTypeName = (typeof POST_TYPE_NAMES)[number];

/** `/callboard subscribe <word>`: the words people type, and the post type each one means. */
export const SUBSCRIPTION_WORDS: Readonly<Record<string, PostTypeName>> = {
  scorecards: 'scorecard-digest',
  handoffs: 'oncall-handoff',
  health: 'catalog-health',
};

/** What a subscription posts when no cron is given: health and digests on Monday at 09:00, local to the subscriber. */
export const DEFAULT_SUBSCRIPTION_CRON: Readonly<Record<PostTypeName, string>> = {
  'scorecard-digest': '0 9 * * MON',
  'oncall-handoff': '0 9 * * *',
  'catalog-health': '0 9 * * MON',
};
