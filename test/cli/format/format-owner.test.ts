import { describe, expect, it } from 'vitest';
import { formatOwner } from '../../../src/cli/format/format-owner.ts';
import type { Entity, EntityWithRelations } from '../../../src/core/catalog/entity.ts';

const service: EntityWithRelations = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service' },
  spec: { owner: 'group:payments' },
  relations: [],
};

const team = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', annotations },
  spec: { type: 'team', children: [] },
});

const slackLine = (annotations: Record<string, string>): string | undefined =>
  formatOwner({ entity: service, ownerRef: 'group:default/payments', owner: team(annotations), members: [] })
    .split('\n')
    .find((line) => line.trim().startsWith('slack:'));

describe('formatOwner: the team channel line', () => {
  it('names the channel from the first name annotation set, without a doubled #', () => {
    expect(slackLine({ 'slack.com/channel-name': '#team-payments' })).toBe('  slack: #team-payments');
    expect(slackLine({ 'slack-channel': 'payments-oncall' })).toBe('  slack: #payments-oncall');
  });

  it('prefers a name over the channel id, and a blank name does not hide the id', () => {
    expect(slackLine({ 'slack.com/channel-id': 'C0123ABCD', 'slack.com/channel-name': 'team-payments' })).toBe('  slack: #team-payments');
    expect(slackLine({ 'slack.com/channel-id': 'C0123ABCD', 'slack.com/channel-name': '  ' })).toBe('  slack: channel C0123ABCD');
  });

  it('prints no channel line when no annotation names one', () => {
    expect(slackLine({})).toBeUndefined();
  });
});
