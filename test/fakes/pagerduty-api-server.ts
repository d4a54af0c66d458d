import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerError, errorAnswer, type PagerdutyAnswer } from './pagerduty/answers.ts';
import { FakePagerdutyFaults, type FakePagerdutyFault } from './pagerduty/faults.ts';
import { routePagerdutyRequest } from './pagerduty/routes.ts';
import { FakePagerdutyData, type FakePagerdutySeed } from './pagerduty/seed.ts';

export type { FakePagerdutyFault } from './pagerduty/faults.ts';
export type * from './pagerduty/seed.ts';

export const PAGERDUTY_ACCEPT = 'application/vnd.pagerduty+json;version=2';

export interface PagerdutyApiServerOptions extends FakePagerdutySeed {
  /** REST API keys, accepted only as `Authorization: Token token=<key>`. Default `[FAKE_PAGERDUTY_TOKEN]`. */
  apiKeys?: string[];
  /** OAuth access tokens, accepted only as `Authorization: Bearer <token>`. */
  oauthTokens?: string[];
  /** The fake's "now" for `/oncalls` without since/until; default the real clock. */
  now?: () => Date;
  /** Account subdomain for html_url (`https://<subdomain>.pagerduty.com/…`); default `acme`. */
  subdomain?: string;
  /** Answer 401 as PagerDuty's JSON envelope (default) or as `text/html`, as it historically did (reference §1.6). */
  unauthorizedAs?: 'json' | 'html';
}

export const FAKE_PAGERDUTY_TOKEN = 'u+fakePagerdutyKey0001';

/** One request as the fake saw it. */
export interface RecordedPagerdutyRequest {
  method: string;
  /** Path and query as sent, e.g. `/oncalls?include%5B%5D=users&…`. */
  path: string;
  /** The query, decoded, in order (`['include[]', 'users']`). */
  query: Array<[string, string]>;
  authorization?: string;
  accept?: string;
  contentType?: string;
  /** 0 when the fake hung. */
  status: number;
}

/**
 * A strict loopback PagerDuty REST API v2 (reference §0, §1): the read endpoints an on-call lookup calls, with
 * PagerDuty's auth header forms, the versioned Accept header, bracketed array parameters, classic pagination with
 * `total` null unless asked and the 10,000 offset ceiling, unsorted `/oncalls` with null bounds, the error envelope,
 * and injected faults (status, malformed JSON, hang, 429 with its headers) and latency. Every request is recorded.
 */
export class PagerdutyApiServer {
  readonly data = new FakePagerdutyData();
  readonly requests: RecordedPagerdutyRequest[] = [];
  private readonly faults = new FakePagerdutyFaults();
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));
  private origin = '';
  private latencyMs = 0;

  private constructor(private readonly options: PagerdutyApiServerOptions) {
    this.data.seed(options);
  }

  static async start(options: PagerdutyApiServerOptions = {}): Promise<PagerdutyApiServer> {
    const fake = new PagerdutyApiServer(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.origin = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** What to pass as the client's base URL (PAGERDUTY_API_URL). */
  get baseUrl(): string {
    return this.origin;
  }

  /** The web host of html_url. */
  get webUrl(): string {
    return `https://${this.options.subdomain ?? 'acme'}.pagerduty.com`;
  }

  /** Replace the next `times` answers (to paths starting with `pathPrefix`, when given) with a fault. */
  failNext(fault: FakePagerdutyFault, options: { times?: number; pathPrefix?: string } = {}): void {
    this.faults.add(fault, options.times ?? 1, options.pathPrefix);
  }

  /** Wait this long before every answer (0 to stop). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  requestsTo(pathPrefix: string): RecordedPagerdutyRequest[] {
    return this.requests.filter((request) => request.path.startsWith(pathPrefix));
  }

  clearRequests(): void {
    this.requests.splice(0);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const record: RecordedPagerdutyRequest = {
      method: request.method ?? 'GET',
      path: url.pathname + url.search,
      query: [...url.searchParams.entries()],
      ...optional('authorization', request.headers.authorization),
      ...optional('accept', request.headers.accept),
      ...optional('contentType', request.headers['content-type']),
      status: 0,
    };
    this.requests.push(record);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const answer = this.answer(request, url);
    if (answer.hang) return;
    record.status = answer.status;
    this.send(response, answer);
  }

  /** Order: auth, then the Accept header, then injected faults, then the route. */
  private answer(request: IncomingMessage, url: URL): PagerdutyAnswer {
    if (!this.isAuthorized(request.headers.authorization)) return this.unauthorized();
    if (!acceptsVersion2(request.headers.accept)) {
      return errorAnswer(400, 2001, 'Invalid Input Provided', [`send Accept: ${PAGERDUTY_ACCEPT} (got ${request.headers.accept ?? 'none'})`]);
    }
    const fault = this.faults.take(url.pathname);
    if (fault) return fault;
    try {
      return routePagerdutyRequest(request.method ?? 'GET', url.pathname, {
        data: this.data,
        urls: { api: this.origin, web: this.webUrl },
        params: url.searchParams,
        now: (this.options.now?.() ?? new Date()).getTime(),
      });
    } catch (error) {
      if (error instanceof AnswerError) return error.answer;
      throw error;
    }
  }

  /** `Token token=<api key>` or `Bearer <oauth token>`; `Token <key>`, `Bearer <api key>` and `Basic` are refused. */
  private isAuthorized(header: string | undefined): boolean {
    const apiKey = /^Token token=(\S+)$/.exec(header ?? '')?.[1];
    if (apiKey !== undefined) return (this.options.apiKeys ?? [FAKE_PAGERDUTY_TOKEN]).includes(apiKey);
    const bearer = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    return bearer !== undefined && (this.options.oauthTokens ?? []).includes(bearer);
  }

  private unauthorized(): PagerdutyAnswer {
    if (this.options.unauthorizedAs === 'html') {
      return { status: 401, contentType: 'text/html; charset=utf-8', raw: '<html><body><h1>401 Unauthorized</h1></body></html>' };
    }
    return errorAnswer(401, 2006, 'Authentication failed');
  }

  private send(response: ServerResponse, answer: PagerdutyAnswer): void {
    const text = answer.raw ?? JSON.stringify(answer.body);
    response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json; charset=utf-8', ...answer.headers }).end(text);
  }
}

/** The versioned media type, alone or among others (also inside a list of media types). */
function acceptsVersion2(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => part.replace(/\s+/g, '').toLowerCase() === PAGERDUTY_ACCEPT);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
