import { describe, expect, it } from 'vitest';
import { checkBlocks, checkMessageLimits, checkViewLimits, type BlockKitViolation } from './check-block-kit-limits.ts';
import { actions, button, chars, input, many, markdown, modal, option, plain, section, select } from './block-kit-builders.ts';

/** One row: what to check, and the paths it must report (none for a valid payload). */
interface Case {
  name: string;
  run: () => BlockKitViolation[];
  paths: string[];
}

const msg =
  (...blocks: unknown[]) =>
  (): BlockKitViolation[] =>
    checkMessageLimits({ text: 'fallback', blocks });
const view = (value: unknown) => (): BlockKitViolation[] => checkViewLimits(value);

const messageCases: Case[] = [
  { name: 'message text 40,000 chars', run: () => checkMessageLimits({ text: chars(40_000) }), paths: [] },
  { name: 'message text 40,001 chars', run: () => checkMessageLimits({ text: chars(40_001) }), paths: ['text'] },
  { name: '50 blocks in a message', run: msg(...many(50, (i) => section('x', { block_id: `b${i}` }))), paths: [] },
  { name: '51 blocks in a message', run: msg(...many(51, () => ({ type: 'divider' }))), paths: ['blocks'] },
  { name: '51 blocks in an unfurl', run: () => checkMessageLimits({ blocks: many(51, () => ({ type: 'divider' })) }, 'unfurl'), paths: ['blocks'] },
  { name: 'section text 3000', run: msg(section(chars(3000))), paths: [] },
  { name: 'section text 3001', run: msg(section(chars(3001))), paths: ['blocks[0].text.text'] },
  { name: 'empty text', run: msg(section('')), paths: ['blocks[0].text.text'] },
  { name: 'section with neither text nor fields', run: msg({ type: 'section' }), paths: ['blocks[0]'] },
  { name: 'section 10 fields of 2000', run: msg({ type: 'section', fields: many(10, () => plain(chars(2000))) }), paths: [] },
  { name: 'section 11 fields', run: msg({ type: 'section', fields: many(11, () => plain('f')) }), paths: ['blocks[0].fields'] },
  { name: 'section field 2001', run: msg({ type: 'section', fields: [plain(chars(2001))] }), paths: ['blocks[0].fields[0].text'] },
  { name: 'unknown field on a section', run: msg(section('x', { label: plain('l') })), paths: ['blocks[0].label'] },
  { name: 'text object of unknown type', run: msg({ type: 'section', text: { type: 'markdown', text: 'x' } }), paths: ['blocks[0].text.type'] },
  {
    name: 'emoji on plain_text, verbatim on mrkdwn',
    run: msg(section('x', { text: { type: 'mrkdwn', text: 'x', verbatim: true } }), { type: 'header', text: { ...plain('h'), emoji: true } }),
    paths: [],
  },
  { name: 'emoji on mrkdwn', run: msg(section('x', { text: { type: 'mrkdwn', text: 'x', emoji: true } })), paths: ['blocks[0].text.emoji'] },
  { name: 'verbatim on plain_text', run: msg(section('x', { text: { ...plain('x'), verbatim: false } })), paths: ['blocks[0].text.verbatim'] },
  { name: 'header 150', run: msg({ type: 'header', text: plain(chars(150)) }), paths: [] },
  { name: 'header 151', run: msg({ type: 'header', text: plain(chars(151)) }), paths: ['blocks[0].text.text'] },
  { name: 'header in mrkdwn', run: msg({ type: 'header', text: { type: 'mrkdwn', text: 'h' } }), paths: ['blocks[0].text.type'] },
  {
    name: 'context 10 elements incl. image',
    run: msg({ type: 'context', elements: [{ type: 'image', image_url: 'https://x/y.png', alt_text: 'a' }, ...many(9, () => plain('c'))] }),
    paths: [],
  },
  { name: 'context 11 elements', run: msg({ type: 'context', elements: many(11, () => plain('c')) }), paths: ['blocks[0].elements'] },
  { name: 'button inside context', run: msg({ type: 'context', elements: [button('b', 'a')] }), paths: ['blocks[0].elements[0].type'] },
  { name: 'actions with 25 buttons', run: msg(actions(many(25, (i) => button('b', `a${i}`)))), paths: [] },
  { name: 'actions with 26 buttons', run: msg(actions(many(26, (i) => button('b', `a${i}`)))), paths: ['blocks[0].elements'] },
  { name: 'actions with no elements', run: msg(actions([])), paths: ['blocks[0].elements'] },
  { name: 'button text 75', run: msg(actions([button(chars(75), 'a')])), paths: [] },
  { name: 'button text 76', run: msg(actions([button(chars(76), 'a')])), paths: ['blocks[0].elements[0].text.text'] },
  {
    name: 'button text in mrkdwn',
    run: msg(actions([{ ...button('b', 'a'), text: { type: 'mrkdwn', text: 'b' } }])),
    paths: ['blocks[0].elements[0].text.type'],
  },
  { name: 'button value 2000, url 3000', run: msg(actions([{ ...button('b', 'a'), value: chars(2000), url: chars(3000) }])), paths: [] },
  { name: 'button value 2001', run: msg(actions([{ ...button('b', 'a'), value: chars(2001) }])), paths: ['blocks[0].elements[0].value'] },
  { name: 'button url 3001', run: msg(actions([{ ...button('b', 'a'), url: chars(3001) }])), paths: ['blocks[0].elements[0].url'] },
  { name: 'button style secondary', run: msg(actions([{ ...button('b', 'a'), style: 'secondary' }])), paths: ['blocks[0].elements[0].style'] },
  {
    name: 'button accessibility_label 76',
    run: msg(actions([{ ...button('b', 'a'), accessibility_label: chars(76) }])),
    paths: ['blocks[0].elements[0].accessibility_label'],
  },
  { name: 'action_id 255', run: msg(actions([button('b', chars(255))])), paths: [] },
  { name: 'action_id 256', run: msg(actions([button('b', chars(256))])), paths: ['blocks[0].elements[0].action_id'] },
  {
    name: 'duplicate action_id across blocks',
    run: msg(actions([button('b', 'same')]), actions([button('b', 'same')])),
    paths: ['blocks[1].elements[0].action_id'],
  },
  { name: 'block_id 255', run: msg(section('x', { block_id: chars(255) })), paths: [] },
  { name: 'block_id 256', run: msg(section('x', { block_id: chars(256) })), paths: ['blocks[0].block_id'] },
  { name: 'duplicate block_id', run: msg(section('x', { block_id: 'b' }), { type: 'divider', block_id: 'b' }), paths: ['blocks[1].block_id'] },
  { name: 'unknown block type', run: msg({ type: 'table', rows: [] }), paths: ['blocks[0].type'] },
  { name: 'unknown element type', run: msg(actions([{ type: 'fancy_button', action_id: 'a' }])), paths: ['blocks[0].elements[0].type'] },
  { name: 'divider with an extra field', run: msg({ type: 'divider', text: plain('x') }), paths: ['blocks[0].text'] },
  { name: 'image alt_text 2000', run: msg({ type: 'image', image_url: 'https://x/y.png', alt_text: chars(2000), title: plain('t') }), paths: [] },
  { name: 'image alt_text 2001', run: msg({ type: 'image', image_url: 'https://x/y.png', alt_text: chars(2001) }), paths: ['blocks[0].alt_text'] },
  { name: 'image without url or file', run: msg({ type: 'image', alt_text: 'a' }), paths: ['blocks[0]'] },
  {
    name: 'image title in mrkdwn',
    run: msg({ type: 'image', image_url: 'https://x/y.png', alt_text: 'a', title: { type: 'mrkdwn', text: 't' } }),
    paths: ['blocks[0].title.type'],
  },
  {
    name: 'rich_text accepted loosely',
    run: msg({ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi' }] }] }),
    paths: [],
  },
  { name: 'rich_text without elements', run: msg({ type: 'rich_text' }), paths: ['blocks[0].elements'] },
  { name: 'markdown 12,000', run: msg(markdown(chars(12_000))), paths: [] },
  { name: 'markdown 12,001', run: msg(markdown(chars(12_001))), paths: ['blocks[0].text'] },
  { name: 'markdown 12,002 in total', run: msg(markdown(chars(6001)), markdown(chars(6001))), paths: ['blocks[1].text'] },
  { name: 'input block in a message', run: msg(input(chars(2000), { type: 'plain_text_input', action_id: 'i' })), paths: [] },
  { name: 'file_input outside a modal', run: msg(input('f', { type: 'file_input', action_id: 'f' })), paths: ['blocks[0].element'] },
  {
    name: 'response_url_enabled in a message',
    run: msg(input('c', { type: 'conversations_select', action_id: 'c', response_url_enabled: true })),
    paths: ['blocks[0].element.response_url_enabled'],
  },
  {
    name: 'users_select as a section accessory',
    run: msg(section('x', { accessory: { type: 'users_select', action_id: 'u', initial_user: 'U1', placeholder: plain('who') } })),
    paths: [],
  },
  { name: 'image as a section accessory', run: msg(section('x', { accessory: { type: 'image', image_url: 'https://x/y.png', alt_text: 'a' } })), paths: [] },
  { name: 'plain_text_input in an actions block', run: msg(actions([{ type: 'plain_text_input', action_id: 'p' }])), paths: ['blocks[0].elements[0].type'] },
];

const elementCases: Case[] = [
  { name: 'overflow with 5 options', run: msg(actions([{ type: 'overflow', action_id: 'o', options: many(5, (i) => option(`o${i}`)) }])), paths: [] },
  {
    name: 'overflow with 6 options',
    run: msg(actions([{ type: 'overflow', action_id: 'o', options: many(6, (i) => option(`o${i}`)) }])),
    paths: ['blocks[0].elements[0].options'],
  },
  { name: 'overflow with no options', run: msg(actions([{ type: 'overflow', action_id: 'o', options: [] }])), paths: ['blocks[0].elements[0].options'] },
  { name: 'option text 75, value 150', run: msg(actions([select([option(chars(75), chars(150))])])), paths: [] },
  { name: 'option text 76', run: msg(actions([select([option(chars(76))])])), paths: ['blocks[0].elements[0].options[0].text.text'] },
  { name: 'option value 151', run: msg(actions([select([option('o', chars(151))])])), paths: ['blocks[0].elements[0].options[0].value'] },
  {
    name: 'option description 76',
    run: msg(actions([select([{ ...option('o'), description: plain(chars(76)) }])])),
    paths: ['blocks[0].elements[0].options[0].description.text'],
  },
  { name: 'option url outside overflow', run: msg(actions([select([{ ...option('o'), url: 'https://x' }])])), paths: ['blocks[0].elements[0].options[0].url'] },
  { name: 'static_select with 100 options', run: msg(actions([select(many(100, (i) => option(`o${i}`)))])), paths: [] },
  { name: 'static_select with 101 options', run: msg(actions([select(many(101, (i) => option(`o${i}`)))])), paths: ['blocks[0].elements[0].options'] },
  {
    name: 'static_select with options and option_groups',
    run: msg(actions([{ ...select([option('o')]), option_groups: [{ label: plain('g'), options: [option('p')] }] }])),
    paths: ['blocks[0].elements[0]'],
  },
  {
    name: 'option group label 76',
    run: msg(actions([{ type: 'static_select', action_id: 's', option_groups: [{ label: plain(chars(76)), options: [option('p')] }] }])),
    paths: ['blocks[0].elements[0].option_groups[0].label.text'],
  },
  { name: 'initial_option listed', run: msg(actions([{ ...select([option('a'), option('b')]), initial_option: option('b') }])), paths: [] },
  {
    name: 'initial_option not listed',
    run: msg(actions([{ ...select([option('a')]), initial_option: option('z') }])),
    paths: ['blocks[0].elements[0].initial_option'],
  },
  {
    name: 'mrkdwn option text in a select',
    run: msg(actions([select([{ text: { type: 'mrkdwn', text: '*o*' }, value: 'o' }])])),
    paths: ['blocks[0].elements[0].options[0].text.type'],
  },
  {
    name: 'checkboxes with 10 mrkdwn options',
    run: msg(actions([{ type: 'checkboxes', action_id: 'c', options: many(10, (i) => ({ text: { type: 'mrkdwn', text: `*${i}*` }, value: `${i}` })) }])),
    paths: [],
  },
  {
    name: 'checkboxes with 11 options',
    run: msg(actions([{ type: 'checkboxes', action_id: 'c', options: many(11, (i) => option(`o${i}`)) }])),
    paths: ['blocks[0].elements[0].options'],
  },
  {
    name: 'radio_buttons initial_option not listed',
    run: msg(actions([{ type: 'radio_buttons', action_id: 'r', options: [option('a')], initial_option: option('b') }])),
    paths: ['blocks[0].elements[0].initial_option'],
  },
  {
    name: 'confirm at its limits',
    run: msg(
      actions([{ ...button('b', 'a'), confirm: { title: plain(chars(100)), text: plain(chars(300)), confirm: plain(chars(30)), deny: plain(chars(30)) } }]),
    ),
    paths: [],
  },
  {
    name: 'confirm title 101',
    run: msg(actions([{ ...button('b', 'a'), confirm: { title: plain(chars(101)), text: plain('t'), confirm: plain('y'), deny: plain('n') } }])),
    paths: ['blocks[0].elements[0].confirm.title.text'],
  },
  {
    name: 'confirm text 301',
    run: msg(actions([{ ...button('b', 'a'), confirm: { title: plain('t'), text: plain(chars(301)), confirm: plain('y'), deny: plain('n') } }])),
    paths: ['blocks[0].elements[0].confirm.text.text'],
  },
  {
    name: 'confirm button 31',
    run: msg(actions([{ ...button('b', 'a'), confirm: { title: plain('t'), text: plain('t'), confirm: plain(chars(31)), deny: plain('n') } }])),
    paths: ['blocks[0].elements[0].confirm.confirm.text'],
  },
  { name: 'placeholder 150', run: msg(actions([{ ...select([option('o')]), placeholder: plain(chars(150)) }])), paths: [] },
  {
    name: 'placeholder 151',
    run: msg(actions([{ ...select([option('o')]), placeholder: plain(chars(151)) }])),
    paths: ['blocks[0].elements[0].placeholder.text'],
  },
  {
    name: 'plain_text_input lengths at their limits',
    run: msg(input('i', { type: 'plain_text_input', action_id: 'i', min_length: 0, max_length: 3000 })),
    paths: [],
  },
  {
    name: 'plain_text_input max_length 3001',
    run: msg(input('i', { type: 'plain_text_input', action_id: 'i', max_length: 3001 })),
    paths: ['blocks[0].element.max_length'],
  },
  {
    name: 'plain_text_input min_length over max_length',
    run: msg(input('i', { type: 'plain_text_input', action_id: 'i', min_length: 10, max_length: 5 })),
    paths: ['blocks[0].element.min_length'],
  },
  {
    name: 'dispatch_action_config with a bad trigger',
    run: msg(input('i', { type: 'plain_text_input', action_id: 'i', dispatch_action_config: { trigger_actions_on: ['on_blur'] } })),
    paths: ['blocks[0].element.dispatch_action_config.trigger_actions_on[0]'],
  },
  { name: 'datepicker 2024-02-29', run: msg(actions([{ type: 'datepicker', action_id: 'd', initial_date: '2024-02-29' }])), paths: [] },
  {
    name: 'datepicker month 13',
    run: msg(actions([{ type: 'datepicker', action_id: 'd', initial_date: '2024-13-01' }])),
    paths: ['blocks[0].elements[0].initial_date'],
  },
  {
    name: 'external_select min_query_length -1',
    run: msg(actions([{ type: 'external_select', action_id: 'e', min_query_length: -1 }])),
    paths: ['blocks[0].elements[0].min_query_length'],
  },
  {
    name: 'multi_static_select max_selected_items 0',
    run: msg(actions([{ ...select([option('o')]), type: 'multi_static_select', max_selected_items: 0 }])),
    paths: ['blocks[0].elements[0].max_selected_items'],
  },
  { name: 'input label 2001', run: msg(input(chars(2001), { type: 'plain_text_input', action_id: 'i' })), paths: ['blocks[0].label.text'] },
  { name: 'input without element', run: msg({ type: 'input', label: plain('l') }), paths: ['blocks[0].element'] },
  {
    name: 'input hint 2001',
    run: msg({ ...input('l', { type: 'plain_text_input', action_id: 'i' }), hint: plain(chars(2001)) }),
    paths: ['blocks[0].hint.text'],
  },
];

const viewCases: Case[] = [
  { name: 'modal title 24', run: view(modal([section('x')], { title: plain(chars(24)) })), paths: [] },
  { name: 'modal title 25', run: view(modal([section('x')], { title: plain(chars(25)) })), paths: ['title.text'] },
  { name: 'modal title empty', run: view(modal([section('x')], { title: plain('') })), paths: ['title.text'] },
  { name: 'modal without title', run: view({ type: 'modal', blocks: [section('x')] }), paths: ['title'] },
  { name: 'modal submit and close 24', run: view(modal([section('x')], { submit: plain(chars(24)), close: plain(chars(24)) })), paths: [] },
  { name: 'modal submit 25', run: view(modal([section('x')], { submit: plain(chars(25)) })), paths: ['submit.text'] },
  { name: 'modal close 25', run: view(modal([section('x')], { close: plain(chars(25)) })), paths: ['close.text'] },
  {
    name: 'modal with inputs but no submit',
    run: view({ type: 'modal', title: plain('t'), blocks: [input('l', { type: 'plain_text_input', action_id: 'i' })] }),
    paths: ['submit'],
  },
  { name: 'modal with 100 blocks', run: view(modal(many(100, () => ({ type: 'divider' })))), paths: [] },
  { name: 'modal with 101 blocks', run: view(modal(many(101, () => ({ type: 'divider' })))), paths: ['blocks'] },
  { name: 'modal with no blocks', run: view(modal([])), paths: ['blocks'] },
  { name: 'private_metadata 3000, callback_id 255', run: view(modal([section('x')], { private_metadata: chars(3000), callback_id: chars(255) })), paths: [] },
  { name: 'private_metadata 3001', run: view(modal([section('x')], { private_metadata: chars(3001) })), paths: ['private_metadata'] },
  { name: 'callback_id 256', run: view(modal([section('x')], { callback_id: chars(256) })), paths: ['callback_id'] },
  { name: 'external_id 256', run: view(modal([section('x')], { external_id: chars(256) })), paths: ['external_id'] },
  { name: 'view over 250 kB', run: view(modal(many(90, (i) => section(chars(3000), { block_id: `b${i}` })))), paths: [''] },
  { name: 'markdown block in a modal', run: view(modal([markdown('x')])), paths: ['blocks[0]'] },
  {
    name: 'file_input and response_url_enabled in a modal input',
    run: view(
      modal(
        [
          input('f', { type: 'file_input', action_id: 'f', max_files: 10 }),
          input('c', { type: 'conversations_select', action_id: 'c', response_url_enabled: true }),
        ],
        { submit: plain('Go') },
      ),
    ),
    paths: [],
  },
  {
    name: 'focus_on_load twice',
    run: view(
      modal(
        [
          input('a', { type: 'plain_text_input', action_id: 'a', focus_on_load: true }),
          input('b', { type: 'plain_text_input', action_id: 'b', focus_on_load: true }),
        ],
        { submit: plain('Go') },
      ),
    ),
    paths: ['blocks[1].element.focus_on_load'],
  },
  { name: 'home with 100 blocks', run: view({ type: 'home', blocks: many(100, () => ({ type: 'divider' })) }), paths: [] },
  { name: 'home with a submit button', run: view({ type: 'home', blocks: [section('x')], submit: plain('Go') }), paths: ['submit'] },
  { name: 'unknown view type', run: view({ type: 'dialog', blocks: [] }), paths: ['type'] },
  { name: 'payload-only field on a view', run: view(modal([section('x')], { state: { values: {} } })), paths: ['state'] },
];

describe('checkMessageLimits, checkViewLimits', () => {
  it.each([...messageCases, ...elementCases, ...viewCases])('$name', ({ run, paths }) => {
    const violations = run();
    expect(violations.map((violation) => violation.path)).toEqual(paths);
    for (const violation of violations) expect(violation.rule.length).toBeGreaterThan(10);
  });
});

describe('checkBlocks', () => {
  it('applies the surface block budget: 100 on home, 50 on messages', () => {
    const blocks = many(100, () => ({ type: 'divider' }));
    expect(checkBlocks(blocks, 'home')).toEqual([]);
    expect(checkBlocks(blocks, 'message')).toEqual([{ path: 'blocks', rule: 'at most 50 blocks are allowed in a message (got 100)' }]);
  });

  it('names the limit in the rule', () => {
    const [violation] = checkBlocks([section(chars(3001))], 'message');
    expect(violation).toEqual({ path: 'blocks[0].text.text', rule: 'text must be at most 3000 characters (got 3001)' });
  });

  it('rejects non-objects without throwing', () => {
    expect(checkBlocks([null, 'x', 3], 'modal').map((v) => v.path)).toEqual(['blocks[0]', 'blocks[1]', 'blocks[2]']);
    expect(checkViewLimits('modal')).toEqual([{ path: '', rule: 'a view must be an object' }]);
  });
});
