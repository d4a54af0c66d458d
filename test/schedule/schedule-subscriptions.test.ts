import { describe, expect, it } from 'vitest';
import { storedSubscriptionIdOf, subscriptionIdOf, type ScheduleSubscription } from '../../src/schedule/schedule-subscriptions.ts';

const stored = (id: string, team?: string): ScheduleSubscription => ({
  id,
  post: 'catalog-health',
  ...(team ? { team } : {}),
  channel: 'C0PAYMENTS',
  cron: '0 9 * * MON',
  timezone: 'Europe/Berlin',
  createdBy: 'U0MARCUS',
  createdAt: new Date('2026-12-01T10:00:00Z'),
});

const payments = { name: 'payments-team', ref: 'group:default/payments-team' };
const otherPayments = { name: 'payments-team', ref: 'group:finance/payments-team' };

describe('subscription ids', () => {
  it('keep two teams of one name in different namespaces apart in a channel', () => {
    const first = storedSubscriptionIdOf([], 'catalog-health', 'C0PAYMENTS', payments);
    const second = storedSubscriptionIdOf([stored(first, payments.ref)], 'catalog-health', 'C0PAYMENTS', otherPayments);
    expect(first).toBe('catalog-health.C0PAYMENTS.group:default/payments-team');
    expect(second).toBe('catalog-health.C0PAYMENTS.group:finance/payments-team');
    expect(storedSubscriptionIdOf([], 'catalog-health', 'C0PAYMENTS', {})).toBe(subscriptionIdOf('catalog-health', 'C0PAYMENTS', undefined));
  });

  it('keep a subscription stored under the old name-only id, for its own team only', () => {
    const old = stored('catalog-health.C0PAYMENTS.payments-team', payments.ref);
    expect(storedSubscriptionIdOf([old], 'catalog-health', 'C0PAYMENTS', payments)).toBe(old.id);
    // The same name in another namespace is another subscription.
    expect(storedSubscriptionIdOf([old], 'catalog-health', 'C0PAYMENTS', otherPayments)).toBe('catalog-health.C0PAYMENTS.group:finance/payments-team');
    // Another channel's old subscription is not this one.
    expect(storedSubscriptionIdOf([old], 'catalog-health', 'C0OTHER', payments)).toBe('catalog-health.C0OTHER.group:default/payments-team');
  });

  it('find a team removed from the catalog by the name it had, under either id', () => {
    const old = stored('catalog-health.C0PAYMENTS.payments-team', payments.ref);
    const current = stored('catalog-health.C0PAYMENTS.group:default/payments-team', payments.ref);
    expect(storedSubscriptionIdOf([old], 'catalog-health', 'C0PAYMENTS', { name: 'payments-team' })).toBe(old.id);
    expect(storedSubscriptionIdOf([current], 'catalog-health', 'C0PAYMENTS', { name: 'payments-team' })).toBe(current.id);
  });
});
