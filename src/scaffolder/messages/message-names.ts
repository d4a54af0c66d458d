/** Callboard's scaffolder messages, each a handlebars file `templates/messages/<name>.hbs`, overridable by name. */
export const MESSAGE_NAMES = ['run-progress', 'run-result', 'run-failed', 'approval-request', 'approval-decision'] as const;

export type MessageName = (typeof MESSAGE_NAMES)[number];

export const isMessageName = (name: string): name is MessageName => (MESSAGE_NAMES as readonly string[]).includes(name);
