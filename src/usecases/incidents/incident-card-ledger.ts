/**
 * Which context cards were posted in which channel, so a card is posted once per (channel, entity) whatever
 * asks for it again: an event redelivered, a restart, a rename back and forth, a second process. A claim is
 * taken before posting; Slack's answer is recorded after.
 */
export interface IncidentCardLedger {
  /**
   * Claims the card of `entityRef` in `channelId` for this process: true for the one caller that may post it,
   * false when it was posted, or is being posted, by any process. A claim whose post failed can be claimed again.
   */
  claim(channelId: string, entityRef: string): Promise<boolean>;
  /** Keeps where the card landed, the moment Slack confirms it. */
  recordPost(channelId: string, entityRef: string, ts: string): Promise<void>;
  /** The post failed (Slack refused, the process was told no): a later event may claim the card again. */
  release(channelId: string, entityRef: string, reason: string): Promise<void>;
  /** The `ts` of the card posted for this entity in this channel, if Slack confirmed one. */
  postedTs(channelId: string, entityRef: string): string | undefined;
}
