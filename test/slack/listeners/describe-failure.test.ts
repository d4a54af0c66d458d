import { describe, expect, it } from 'vitest';
import { RespondError } from '@slack/bolt';
import { CatalogWriteError, NotFoundError, SourceUnavailableError } from '../../../src/core/errors.ts';
import { describeFailure } from '../../../src/slack/listeners/describe-failure.ts';

const platform = (error: string) => Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('describeFailure', () => {
  it.each([
    [platform('not_in_channel'), '/invite @Callboard', false],
    [platform('channel_not_found'), 'cannot see this conversation', false],
    [platform('missing_scope'), 'reinstall', false],
    [platform('weird_new_error'), 'weird_new_error', false],
    [Object.assign(new Error('x'), { code: 'slack_webapi_rate_limited_error' }), 'rate limiting', true],
    [Object.assign(new Error('x'), { code: 'slack_webapi_request_error' }), 'could not be reached', true],
    [Object.assign(new Error('x'), { code: 'slack_webapi_http_error' }), 'could not be reached', true],
    [new RespondError('gone', 404), 'expire', false],
    [new NotFoundError('No entity x in the catalog.'), 'No entity x', false],
    [new CatalogWriteError('disk I/O error'), 'disk I/O', false],
    [new SourceUnavailableError('GitHub answered 503'), 'GitHub answered 503', true],
    [{ originals: [platform('not_in_channel')] }, '/invite', false],
    [new TypeError('undefined is not a function'), 'Something unexpected', false],
  ])('%s', (error, words, retryable) => {
    expect(describeFailure(error).message).toContain(words);
    expect(describeFailure(error).retryable).toBe(retryable);
    // The words themselves never promise that a retry helps when it cannot.
    if (!retryable) expect(describeFailure(error).message).not.toMatch(/try again/i);
  });
});
