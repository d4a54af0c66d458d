import type { ModalView } from '@slack/types';
import { messageModal } from '../message-modal.ts';
import { scaffolderNoticeView } from './runs-list-view.ts';

/** A modal that only says something: the run started, the form expired, a refusal. `text` is escaped mrkdwn. */
export const noticeModal = (title: string, text: string, icon?: string): ModalView => messageModal(scaffolderNoticeView(text, icon), title);
