import type { Entity } from '../../core/catalog/entity.ts';
import { readTeamChannel } from '../../core/catalog/read-team-channel.ts';
import type { OwnedSummary, TeamAnswer } from '../../usecases/find-team.ts';
import type { PersonAnswer } from '../../usecases/find-person.ts';

const titleOf = (entity: Entity): string => entity.metadata.title ?? entity.metadata.name;

const describeUser = (user: Entity): string => {
  const profile = (user.spec?.profile ?? {}) as { displayName?: string; email?: string };
  return `${profile.displayName ?? user.metadata.name}${profile.email ? ` <${profile.email}>` : ''}`;
};

/** The channel name only: a group that gives just `slack.com/channel-id` gets no slack line. */
const channelOf = (group: Entity): string | undefined => {
  const { name } = readTeamChannel(group);
  return name ? `#${name}` : undefined;
};

/** What a group owns, kind by kind, with the exact count and the items the summary kept. */
const formatOwned = (owned: OwnedSummary, indent: string): string[] => {
  if (owned.total === 0) return [`${indent}owns nothing in the catalog`];
  const lines = [`${indent}owns ${owned.total}${owned.throughChildTeams > 0 ? ` (${owned.throughChildTeams} through child teams)` : ''}:`];
  for (const kind of owned.byKind) {
    const more = kind.count - kind.first.length;
    lines.push(`${indent}  ${kind.kind} (${kind.count}): ${kind.first.map((entity) => entity.name).join(', ')}${more > 0 ? `, and ${more} more` : ''}`);
  }
  return lines;
};

/** `callboard owner <team>`: the team card as text — the team is its own answer, not something missing an owner. */
export const formatTeam = (team: TeamAnswer): string => {
  const { group } = team;
  const lines = [`Group ${group.metadata.name}: ${titleOf(group)}`];
  if (group.metadata.description) lines.push(`  ${group.metadata.description}`);
  const channel = channelOf(group);
  if (channel) lines.push(`  slack: ${channel}`);
  if (team.lead) lines.push(`  lead: ${describeUser(team.lead)}`);
  if (team.parent) lines.push(`  part of: ${titleOf(team.parent)}`);
  if (team.children.length > 0) lines.push(`  teams: ${team.children.map(titleOf).join(', ')}`);
  if (team.members.length > 0) lines.push('Members:', ...team.members.map((member) => `  ${describeUser(member)}`));
  lines.push(...formatOwned(team.owned, ''));
  if (team.problems.count > 0) {
    lines.push(`Catalog problems: ${team.problems.count} (callboard errors ${group.metadata.name})`);
    for (const problem of team.problems.first) lines.push(`  ${problem.severity} ${problem.entityRef ?? problem.file ?? ''}: ${problem.message}`);
  }
  return lines.join('\n');
};

/** `callboard owner <person>`: their teams and what each owns. */
export const formatPerson = (person: PersonAnswer): string => {
  const lines = [`User ${person.user.metadata.name}: ${describeUser(person.user)}`];
  if (person.teams.length === 0) lines.push('  in no team of the catalog');
  for (const team of person.teams) {
    const channel = channelOf(team.group);
    lines.push(`Team ${titleOf(team.group)} (${team.group.metadata.name})${channel ? ` ${channel}` : ''}`, ...formatOwned(team.owned, '  '));
  }
  if (person.ownedDirectly.total > 0) lines.push('Owned directly:', ...formatOwned(person.ownedDirectly, '  '));
  return lines.join('\n');
};
