import { describe, expect, it } from 'vitest';
import { reportListenerError } from '../../../src/slack/listeners/report-listener-error.ts';
import { checkMessageLimits, checkViewLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { People, silentLog } from '../helpers/catalog-fixture.ts';
import { allText } from '../helpers/recorder.ts';
import { strictFake } from '../helpers/strict-fake.ts';

type Call = { method: string; args: Record<string, unknown> & { text?: string; blocks?: unknown[]; view?: unknown } };

/** The error handler with a strict client: only the two ways it may tell the asker exist. */
const report = async (error: unknown, body: Record<string, unknown>) => {
  const calls: Call[] = [];
  const client = strictFake<never>({
    chat: { postEphemeral: async (args: Call['args']) => void calls.push({ method: 'chat.postEphemeral', args }) },
    views: { open: async (args: Call['args']) => void calls.push({ method: 'views.open', args }) },
  });
  await reportListenerError(silentLog, client)({ error, body });
  return calls;
};

const slackDown = Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' });
const notInChannel = Object.assign(new Error('not_in_channel'), { code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } });

describe('reportListenerError', () => {
  it('a failed mention answer reaches the asker alone, in the thread; "try again" only when a retry can help', async () => {
    const event = { type: 'app_mention', user: People.marcus.id, channel: 'C0GENERAL', ts: '1700000000.000100', thread_ts: '1699999999.000001' };
    const [transient] = await report(slackDown, { event });
    expect(transient).toMatchObject({ method: 'chat.postEphemeral', args: { channel: 'C0GENERAL', user: People.marcus.id, thread_ts: '1699999999.000001' } });
    expect(checkMessageLimits({ text: transient!.args.text, blocks: transient!.args.blocks })).toEqual([]);
    expect(allText(transient)).toContain('Try again in a moment');
    const [fixed] = await report(notInChannel, { event });
    expect(allText(fixed)).toContain('/invite @Callboard');
    expect(allText(fixed)).not.toMatch(/try again/i);
  });

  it('a failed Home tab or modal click is told in a modal (no response_url there), never in the Messages tab', async () => {
    const body = { type: 'block_actions', user: { id: People.marcus.id }, trigger_id: 'T0TRIGGER', view: { id: 'VHOME', type: 'home' } };
    const calls = await report(slackDown, body);
    expect(calls.map((call) => call.method)).toEqual(['views.open']);
    expect(calls[0]!.args.trigger_id).toBe('T0TRIGGER');
    expect(checkViewLimits(calls[0]!.args.view)).toEqual([]);
    expect(allText(calls[0])).toContain('error.message');
  });
});
