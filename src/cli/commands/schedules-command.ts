import { openCatalogRuntime } from '../../catalog-runtime.ts';
import { PostSlots } from '../../schedule/post-slots.ts';
import { describeSchedules, type ScheduleStatus } from '../../schedule/schedule-status.ts';
import { buildPostOnCall, handoffShiftsOf, scheduleSpecsOf } from '../../schedule/scheduled-posts-runtime.ts';
import { loadCliConfig, type CliIo } from '../cli-context.ts';

/** A handoff's slot is the shift change it announces, posted before it; a cron slot is posted then, or after quiet hours. */
const nextText = ({ next, handoffLead }: ScheduleStatus): string => {
  if (!next) return 'none';
  if (handoffLead !== undefined) return `${next.postAt} (shift change at ${next.slot})`;
  return `${next.slot}${next.postAt !== next.slot ? `, posted at ${next.postAt} (quiet hours)` : ''}`;
};

const formatSchedule = (status: ScheduleStatus): string[] => [
  `${status.id}: ${status.post}${status.team ? ` for ${status.team}` : ''}${status.scorecard ? ` (${status.scorecard})` : ''} → ${status.channel}${status.origin === 'subscription' ? ` (subscribed from Slack${status.createdBy ? ` by ${status.createdBy}` : ''})` : ''}`,
  `  when       ${status.cron} (${status.timezone}); missed slots: ${status.missed}${status.quiet ? `; quiet hours ${status.quiet}` : ''}`,
  `  next       ${nextText(status)}`,
  `  last post  ${status.lastPost ? `slot ${status.lastPost.slot} in ${status.lastPost.channel} (ts ${status.lastPost.ts})` : 'never'}`,
  ...(status.failing ? [`  FAILING    ${status.failing}`] : []),
];

/** `callboard schedules`: what will be posted where and when, the last post, and why a schedule is failing. */
export const schedulesCommand = (io: CliIo) => async (options: { config?: string; json?: boolean }) => {
  const config = loadCliConfig(io, options.config);
  const runtime = openCatalogRuntime(config);
  // Handoff schedules' next slots come from their team's on-call, asked as `npm start` would.
  const slots = new PostSlots({ handoffShifts: handoffShiftsOf(runtime.store, buildPostOnCall(config, runtime.store)) });
  try {
    const statuses = await describeSchedules(scheduleSpecsOf(config, runtime.scheduleSubscriptions)(), runtime.jobLedger, slots, new Date());
    if (options.json) return io.out(JSON.stringify(statuses, null, 2));
    io.out(
      statuses.length === 0
        ? 'No schedules: add `schedules:` to callboard.yaml, or `/callboard subscribe health` in a channel.'
        : statuses.flatMap(formatSchedule).join('\n'),
    );
  } finally {
    slots.close();
    runtime.close();
  }
};
