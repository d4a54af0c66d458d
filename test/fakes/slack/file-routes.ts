import { asString, fail, ok, requireFields, type JsonBody, type SlackAnswer } from './answers.ts';
import type { FakeSlackState, StoredUpload } from './fake-state.ts';
import { checkMessageBody, resolveChannel, type MethodContext, type RouteTable } from './method-route.ts';

/**
 * The three steps of `client.files.uploadV2` (files.upload is retired): files.getUploadURLExternal declares a
 * file and hands out an upload URL, the bytes are POSTed there, files.completeUploadExternal shares the files
 * (or keeps them private without a channel). Both methods need `files:write`.
 */

export const fileRoutes: RouteTable = {
  'files.getUploadURLExternal': { token: 'bot', scopes: ['files:write'], handle: getUploadUrl },
  'files.completeUploadExternal': { token: 'bot', scopes: ['files:write'], handle: completeUpload },
};

/** Where upload URLs point on the fake (Slack's are `https://files.slack.com/upload/v1/…`). */
export const UPLOAD_PATH = '/upload/v1/';

const invalid = (message: string): SlackAnswer => fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${message}`] } });

/** Only conversation ids: a user id (U…) is refused, unlike chat.postMessage (slackapi/bolt-js#2115). */
const CONVERSATION_ID = /^[CGDZ][A-Z0-9]{8,}$/;

/** `length` is the byte count to come; 0 answers missing_argument, as Slack documents. */
function getUploadUrl({ body, state, origin }: MethodContext): SlackAnswer {
  const refusal = requireFields(body, 'filename', 'length');
  if (refusal) return refusal;
  const lengthText = asString(body.length) ?? '';
  if (!/^\d+$/.test(lengthText)) return invalid('length must be an integer [json-pointer:/length]');
  if (Number(lengthText) === 0) return fail('missing_argument');
  const upload: StoredUpload = {
    id: state.nextId('F'),
    filename: asString(body.filename) ?? '',
    length: Number(lengthText),
    uploadKey: state.hash().replace('.', '-'),
  };
  state.uploads.set(upload.id, upload);
  return ok({ upload_url: `${origin}${UPLOAD_PATH}${upload.uploadKey}`, file_id: upload.id });
}

const textAnswer = (status: number, text: string): SlackAnswer => ({ status, headers: { 'content-type': 'text/plain' }, body: text });

/**
 * The upload URL: raw bytes, or a multipart form whose first file part is the content (what @slack/web-api
 * sends). Slack answers 200 `OK - <bytes>`; the refusals (unknown URL, a second upload, a byte count other
 * than the declared `length`) are this fake's choice of status and wording.
 */
export async function answerUpload(state: FakeSlackState, key: string, bytes: Buffer, contentType: string | undefined): Promise<SlackAnswer> {
  const upload = [...state.uploads.values()].find((candidate) => candidate.uploadKey === key);
  if (!upload) return textAnswer(404, 'unknown upload URL');
  if (upload.content) return textAnswer(400, 'this upload URL was already used');
  const content = await readUploadedContent(bytes, contentType);
  if (!content) return textAnswer(400, 'a multipart upload needs a file part');
  if (content.length !== upload.length) return textAnswer(400, `sent ${content.length} bytes, files.getUploadURLExternal declared length ${upload.length}`);
  upload.content = content;
  return textAnswer(200, `OK - ${content.length}`);
}

async function readUploadedContent(bytes: Buffer, contentType: string | undefined): Promise<Buffer | undefined> {
  if (!(contentType ?? '').toLowerCase().startsWith('multipart/form-data')) return bytes;
  const form = await new Response(bytes, { headers: { 'content-type': contentType ?? '' } }).formData();
  const file = [...form.values()].find((value) => typeof value !== 'string');
  return file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : undefined;
}

/**
 * Completes uploads once: an id never declared, whose bytes never arrived, or already completed answers
 * file_not_found (Slack documents the single call, not the code: this fake's choice). `channel_id` (a
 * conversation id, never a user id) or `channels` share it, each checked like a post; `thread_ts` needs
 * exactly one channel.
 */
function completeUpload(ctx: MethodContext): SlackAnswer {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'files');
  if (refusal) return refusal;
  const entries = parseFileEntries(body.files);
  if (!entries) return invalid('files must be a JSON array of {"id", "title"} objects [json-pointer:/files]');
  const uploads = entries.map((entry) => state.uploads.get(entry.id));
  if (uploads.some((upload) => !upload?.content || upload.completed)) return fail('file_not_found');
  const channels = channelsOf(body);
  const threadTs = asString(body.thread_ts);
  if (threadTs && channels.length !== 1) return invalid('thread_ts needs exactly one channel [json-pointer:/thread_ts]');
  const notAConversation = body.channel_id !== undefined && !CONVERSATION_ID.test(asString(body.channel_id) ?? '');
  if (notAConversation) return invalid(`input must match regex pattern: ${CONVERSATION_ID.source} [json-pointer:/channel_id]`);
  const targets: string[] = [];
  for (const channel of channels) {
    const target = resolveChannel(ctx, channel, true);
    if (!target.ok) return target.answer;
    targets.push(target.id);
  }
  const initialComment = asString(body.initial_comment);
  const blocksRefusal = initialComment === undefined && body.blocks !== undefined ? checkMessageBody({ blocks: body.blocks }) : undefined;
  if (blocksRefusal) return blocksRefusal;
  const completed = entries.map((entry, index) => complete(uploads[index]!, entry.title, { channels: targets, threadTs, initialComment }));
  for (const channel of targets) shareMessage(state, channel, completed, { threadTs, initialComment });
  return ok({ files: completed.map((upload) => ({ id: upload.id, name: upload.filename, title: upload.completed?.title, size: upload.length })) });
}

function parseFileEntries(value: unknown): Array<{ id: string; title?: string }> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const entries = value.map((item: unknown) => (typeof item === 'object' && item !== null ? (item as JsonBody) : {}));
  if (entries.some((entry) => typeof entry.id !== 'string' || entry.id === '')) return undefined;
  return entries.map((entry) => ({ id: entry.id as string, title: asString(entry.title) }));
}

function channelsOf(body: JsonBody): string[] {
  const single = asString(body.channel_id);
  if (single) return [single];
  return (asString(body.channels) ?? '').split(',').filter((channel) => channel !== '');
}

function complete(upload: StoredUpload, title: string | undefined, share: { channels: string[]; threadTs?: string; initialComment?: string }): StoredUpload {
  upload.completed = { title: title ?? upload.filename, ...share };
  return upload;
}

/** A shared file appears in its channel as a message from the bot carrying the files and the comment. */
function shareMessage(state: FakeSlackState, channel: string, uploads: StoredUpload[], share: { threadTs?: string; initialComment?: string }): void {
  const ts = state.nextTs();
  state.messages.set(state.messageKey(channel, ts), {
    channel,
    ts,
    text: share.initialComment ?? '',
    threadTs: share.threadTs,
    user: state.options.bot.userId,
    files: uploads.map((upload) => upload.id),
  });
}
