import { describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds, SlashCommands } from '../../../src/slack/ids.ts';
import { encodeChoiceValue, encodeShareValue, parseChoiceValue, parseShareValue } from '../../../src/slack/views/action-values.ts';

describe('share values', () => {
  it.each([
    { view: 'owner', ref: 'component:default/a' },
    { view: 'deps', ref: 'component:default/a', direction: 'reverse', depth: 3 },
  ] as const)('round-trips %o', (request) => {
    expect(parseShareValue(encodeShareValue(request))).toEqual(request);
  });

  it.each([
    '',
    'not json',
    '{}',
    '{"view":"owner"}',
    '{"view":"deps","ref":"a","direction":"up","depth":1}',
    '{"view":"deps","ref":"a","direction":"forward","depth":0}',
    '[1]',
  ])('rejects %s', (value) => {
    expect(parseShareValue(value)).toBeUndefined();
  });
});

describe('choice values', () => {
  it('round-trips and stays short', () => {
    const value = encodeChoiceValue('dependents', 'component:default/checkout-service');
    expect(value).toBe('dependents component:default/checkout-service');
    expect(parseChoiceValue(value)).toEqual({ intent: 'dependents', ref: 'component:default/checkout-service' });
  });

  it.each(['', 'owner', 'delete component:default/a', 'owner a b'])('rejects %s', (value) => {
    expect(parseChoiceValue(value)).toBeUndefined();
  });
});

describe('ids', () => {
  it('are dotted, unique and within 255 characters', () => {
    const ids = Object.values(ActionIds);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ids, ...Object.values(CallbackIds)]) expect(id).toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
    expect(Object.values(SlashCommands)).toEqual(['/owner', '/deps', '/find', '/callboard']);
  });
});
