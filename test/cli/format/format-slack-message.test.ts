import { describe, expect, it } from 'vitest';
import { plainFromMrkdwn } from '../../../src/cli/format/format-slack-message.ts';

describe('plainFromMrkdwn', () => {
  it.each([
    ['<https://x.example/a|Docs>', 'Docs (https://x.example/a)'],
    ['<mailto:a@b.example|a@b.example>', 'a@b.example'],
    ['<@U123> and <#C123|team-x> and <!here>', '@U123 and #team-x and @here'],
    ['<!date^1700000000^{date_short_pretty}|2023-11-14T22:13:20Z>', '2023-11-14T22:13:20Z'],
    ['a &lt;b&gt; &amp; c', 'a <b> & c'],
  ])('%s', (input, output) => {
    expect(plainFromMrkdwn(input)).toBe(output);
  });
});
