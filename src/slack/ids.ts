/**
 * Every id Slack routes on, in one place: the views that render a button and the listeners that
 * register for it import the same constant, and a test holds manifest.yml to the commands.
 */

/** `action_id`s of interactive elements. Each is unique within its block, as Slack requires. */
export const ActionIds = {
  showOwner: 'entity.show_owner',
  showDeps: 'entity.show_deps',
  showDependents: 'entity.show_dependents',
  showDocs: 'entity.show_docs',
  showOnCall: 'entity.show_oncall',
  shareInChannel: 'message.share',
  chooseEntity: 'entity.choose',
  syncNow: 'catalog.sync_now',
  showProblems: 'catalog.show_problems',
  showHelp: 'help.show',
  openEntity: 'home.open_entity',
  /** A team card's "All it owns": the full list, paged, as a new answer under the card. */
  showOwned: 'team.show_owned',
  /** Paging a long answer (deps, /find): the value carries the question and the page to show. */
  pagePrevious: 'answer.page_previous',
  pageNext: 'answer.page_next',
  /** A depth-limited dependency answer asked again over the whole graph, from page 1. */
  pageAllHops: 'answer.page_all_hops',
  /** The full list of a long answer as a CSV file (files.uploadV2). */
  exportList: 'answer.export',
} as const;

/** Buttons on the scaffolder's messages: the template list, a run's progress, an approval request. Values carry a ref or a run id. */
export const ScaffolderActionIds = {
  chooseTemplate: 'scaffolder.choose_template',
  retryRun: 'scaffolder.retry_run',
  editAndRetry: 'scaffolder.edit_and_retry',
  approveRun: 'scaffolder.approve_run',
  denyRun: 'scaffolder.deny_run',
  /** Back on a form page or on the review page (block_actions in the modal; the listener answers with views.update). */
  pageBack: 'scaffolder.page_back',
  reviewBack: 'scaffolder.review_back',
  /**
   * Prefixes of a form page's inputs: the field name follows (`scaffolder.field.name`), so action ids stay unique in
   * the view. Catalog pickers and long enums use `picker.`: their options come from a block_suggestion listener
   * (app.options with a RegExp on this prefix); a field that others depend on dispatches a block_action on change.
   */
  fieldPrefix: 'scaffolder.field.',
  pickerPrefix: 'scaffolder.picker.',
} as const;

/** `callback_id`s of the scaffolder's modals (view_submission routes on these). */
export const ViewCallbackIds = {
  /** One page of a template's form; private_metadata carries only the form session's id (listeners/scaffolder/form-sessions.ts). */
  templatePage: 'scaffolder.page',
  /** The review page before a run: Create submits it. */
  templateReview: 'scaffolder.review',
} as const;

/** `callback_id`s of shortcuts (manifest `shortcuts[].callback_id`). */
export const CallbackIds = {
  findOwnerShortcut: 'find_owner_from_message',
} as const;

/** Slash commands as declared in manifest.yml. */
export const SlashCommands = {
  owner: '/owner',
  deps: '/deps',
  find: '/find',
  callboard: '/callboard',
  /** Run a software template: pick one, fill in its modal, review, create (also `/callboard create`). */
  create: '/create',
  /** Who is on call for an entity or team, now and next per level (also `/callboard oncall`). */
  oncall: '/oncall',
  /** An entity's scorecard levels, a team's entities ranked, or a scorecard's level distribution (also `/callboard scorecard`). */
  scorecard: '/scorecard',
  /** An entity's docs home and, with words, its best matching sections; alone, your teams' docs (also `/callboard docs`). */
  docs: '/docs',
} as const;

export type ActionId = (typeof ActionIds)[keyof typeof ActionIds];
export type SlashCommand = (typeof SlashCommands)[keyof typeof SlashCommands];
