/** What a route answers: a JSON body, or raw text (malformed JSON, an HTML 401), or nothing at all (`hang`). */
export interface PagerdutyAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is, with `contentType` (default JSON). */
  raw?: string;
  contentType?: string;
  hang?: boolean;
}

export const ok = (body: unknown): PagerdutyAnswer => ({ status: 200, body });

/** PagerDuty's error envelope for every 4xx: `{"error":{"code","message","errors":[…]}}` (reference §1.6). */
export function errorAnswer(status: number, code: number, message: string, errors: string[] = []): PagerdutyAnswer {
  return { status, body: { error: { code, message, errors } } };
}

export const notFound = (): PagerdutyAnswer => errorAnswer(404, 2100, 'Not Found');

export const invalidInput = (detail: string): PagerdutyAnswer => errorAnswer(400, 2001, 'Invalid Input Provided', [detail]);

/** Thrown by parameter readers and turned into its answer by the router. */
export class AnswerError extends Error {
  constructor(readonly answer: PagerdutyAnswer) {
    super(`fake PagerDuty answers ${answer.status}`);
  }
}
