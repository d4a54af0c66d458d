import { describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds, SlashCommands } from '../../../src/slack/ids.ts';
import {
  encodeChoiceValue,
  encodePageValue,
  encodeShareValue,
  parseChoiceValue,
  parsePageValue,
  parseShareValue,
} from '../../../src/slack/views/action-values.ts';

describe('share values', () => {
  it.each([
    { view: 'owner', ref: 'component:default/a' },
    { view: 'deps', ref: 'component:default/a', direction: 'reverse', depth: 3 },
    { view: 'deps', ref: 'component:default/a', direction: 'reverse' },
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

describe('page values', () => {
  it.each([
    { view: 'deps', ref: 'component:default/a', direction: 'reverse', page: 3 },
    { view: 'deps', ref: 'component:default/a', direction: 'forward', depth: 2, page: 1 },
    { view: 'find', query: 'payments api', page: 7 },
  ] as const)('round-trips %o', (request) => {
    expect(parsePageValue(encodePageValue(request))).toEqual(request);
  });

  it('fits a button value with the longest ref and query a command accepts', () => {
    expect(
      encodePageValue({ view: 'deps', ref: `component:${'n'.repeat(63)}/${'x'.repeat(63)}`, direction: 'reverse', depth: 20, page: 250 }).length,
    ).toBeLessThan(2000);
    expect(encodePageValue({ view: 'find', query: 'q'.repeat(200), page: 250 }).length).toBeLessThan(2000);
  });

  it.each([
    '',
    '{"view":"deps","ref":"a","direction":"reverse"}',
    '{"view":"deps","ref":"a","direction":"reverse","page":0}',
    '{"view":"deps","ref":"a","direction":"reverse","page":1.5}',
    '{"view":"deps","ref":"a","direction":"sideways","page":1}',
    '{"view":"deps","ref":"a","direction":"reverse","depth":0,"page":1}',
    '{"view":"find","query":"   ","page":1}',
    `{"view":"find","query":"${'q'.repeat(501)}","page":1}`,
    '{"view":"owner","ref":"a","page":1}',
  ])('rejects %s', (value) => {
    expect(parsePageValue(value)).toBeUndefined();
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
    expect(Object.values(SlashCommands)).toEqual(['/owner', '/deps', '/find', '/callboard', '/create', '/oncall', '/scorecard', '/docs']);
  });
});
