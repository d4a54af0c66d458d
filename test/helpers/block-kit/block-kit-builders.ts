/** Tiny literal builders so the limits table reads as data. They build raw JSON, never validate. */

export const chars = (length: number): string => 'x'.repeat(length);
export const many = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));
export const plain = (text: string) => ({ type: 'plain_text', text });
export const option = (text: string, value = text.slice(0, 150)) => ({ text: plain(text), value });

export const section = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'section', text: { type: 'mrkdwn', text }, ...extra });
export const markdown = (text: string) => ({ type: 'markdown', text });
export const actions = (elements: unknown[]) => ({ type: 'actions', elements });
export const button = (text: string, actionId: string) => ({ type: 'button', text: plain(text), action_id: actionId });
export const select = (options: unknown[]) => ({ type: 'static_select', action_id: 's', options });
export const input = (label: string, element: unknown) => ({ type: 'input', label: plain(label), element });

export const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'modal', title: plain('Title'), blocks, ...extra });
