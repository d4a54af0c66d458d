import type { AckFn, ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { ScaffolderClient } from './chat-client.ts';

/** What the modal listeners read of Bolt's view_submission arguments; Bolt's full arguments fit. */
export interface ViewSubmissionArgs {
  ack: AckFn<ViewResponseAction>;
  body: { user: { id: string } };
  view: Pick<ViewOutput, 'id' | 'hash' | 'private_metadata' | 'state'>;
  client: ScaffolderClient;
}
