import { describe, expect, it } from 'vitest';
import { isHandOff } from '../../../src/http/http-types.ts';
import { createSlackEventsRoute } from '../../../src/http/slack/slack-events-route.ts';
import { signRequest } from '../../fakes/slack-payloads.ts';
import { httpRequest } from '../http-request.ts';

const SECRET = 'route-test-secret';
const NOW_MS = Date.UTC(2026, 11, 5, 12, 0, 0);
const nowSeconds = NOW_MS / 1000;
const body = 'command=%2Fowner&text=checkout-service&user_id=U1&team_id=T1&channel_id=C1&trigger_id=t&response_url=https%3A%2F%2Fexample.invalid';

const signed = (timestamp = nowSeconds, extra: Record<string, string> = {}) =>
  httpRequest('POST', '/slack/events', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signRequest(SECRET, body, timestamp), ...extra },
    body,
  });

const attachedRoute = (now = () => NOW_MS) => {
  const events = createSlackEventsRoute({ signingSecret: SECRET, now });
  events.attach(() => undefined);
  return events.route;
};

describe('POST /slack/events checks, with no port', () => {
  it('before Bolt is attached: a signed request is 503 (Slack retries), an unsigned one 401', async () => {
    const { route } = createSlackEventsRoute({ signingSecret: SECRET, now: () => NOW_MS });
    expect(await route.handler(signed())).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(await route.handler(httpRequest('POST', '/slack/events', { body }))).toMatchObject({ status: 401 });
  });

  it('a timestamp up to five minutes ahead is accepted, beyond it refused', async () => {
    const route = attachedRoute();
    expect(isHandOff(await route.handler(signed(nowSeconds + 300)))).toBe(true);
    expect(await route.handler(signed(nowSeconds + 301))).toMatchObject({ status: 401, body: { error: 'X-Slack-Request-Timestamp is in the future' } });
  });

  it('a replay is refused while its timestamp is valid, and a retry header does not excuse a command', async () => {
    const route = attachedRoute();
    expect(isHandOff(await route.handler(signed()))).toBe(true);
    expect(await route.handler(signed())).toMatchObject({ status: 401, body: { error: 'This signed request was already received' } });
    expect(await route.handler(signed(nowSeconds, { 'x-slack-retry-num': '1' }))).toMatchObject({ status: 401 });
  });

  it("Slack's ssl_check probe goes to Bolt unsigned", async () => {
    const probe = httpRequest('POST', '/slack/events', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(isHandOff(await attachedRoute().handler(probe))).toBe(true);
  });
});
