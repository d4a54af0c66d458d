import { describe, expect, it } from 'vitest';
import { RespondError } from '@slack/bolt';
import { NotFoundError } from '../../../src/core/errors.ts';
import { describeFailure } from '../../../src/slack/listeners/describe-failure.ts';

const platform = (error: string) => Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('describeFailure', () => {
  it.each([
    [platform('not_in_channel'), '/invite @Callboard'],
    [platform('channel_not_found'), 'cannot see this conversation'],
    [platform('weird_new_error'), 'weird_new_error'],
    [Object.assign(new Error('x'), { code: 'slack_webapi_rate_limited_error' }), 'rate limiting'],
    [Object.assign(new Error('x'), { code: 'slack_webapi_request_error' }), 'could not be reached'],
    [new RespondError('gone', 404), 'expire'],
    [new NotFoundError('No entity x in the catalog.'), 'No entity x'],
    [{ originals: [platform('not_in_channel')] }, '/invite'],
    [new TypeError('undefined is not a function'), 'Something unexpected'],
  ])('%s', (error, words) => {
    expect(describeFailure(error)).toContain(words);
  });
});
