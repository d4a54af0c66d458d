import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGithubData, computeBlobSha, type FakeRepoInput } from '../helpers/github-fake-data.ts';
import { json as jsonAnswer, routeGithubRequest, type FakeAnswer } from '../helpers/github-fake-routes.ts';
import { createErrorBody, type FakeUrls } from '../helpers/github-fake-payloads.ts';
import { FakeRateLimit } from '../helpers/github-fake-rate-limit.ts';
import { FakeRepoWrites, readJsonBody } from '../helpers/github-fake-repo-writes.ts';
import { GIT_HTTP_PATH, serveGitHttp } from '../helpers/git-http-backend.ts';

export interface GithubApiServerOptions {
  /** The only token accepted, as `token <t>` or `Bearer <t>`. */
  token: string;
  /** Organisations and their repositories. */
  orgs: Record<string, FakeRepoInput[]>;
  /** Primary rate limit per window; default 5000. */
  rateLimit?: number;
  /**
   * Serve under `/api/v3` with html_url on the server itself, as GitHub Enterprise Server does. Created repositories
   * are then served over smart HTTP too (`<origin>/<owner>/<repo>.git`, the token as basic-auth password).
   */
  enterprise?: boolean;
  /** The token's own user (GET /user, POST /user/repos); default `octocat`. */
  login?: string;
  /** Other users that exist (GET /users/{u}, collaborators). */
  users?: string[];
  /** Teams by organisation (lowercase), for PUT /orgs/{org}/teams/{slug}/repos/…. */
  teams?: Record<string, string[]>;
}

/** One request as the fake saw it, for assertions. */
export interface RecordedRequest {
  method: string;
  /** Path and query without the Enterprise prefix, e.g. `/orgs/acme/repos?per_page=100`. */
  path: string;
  status: number;
  ifNoneMatch?: string;
  accept?: string;
  /** The JSON body of a write. */
  body?: unknown;
}

/**
 * A strict local stand-in for the GitHub REST API (org repository listing and repository contents; users,
 * repository creation, topics and collaborators): real status codes, error bodies, Link pagination, ETags with
 * 304s that cost nothing, and rate limits. A created repository is a real bare repository on disk; its clone_url is
 * its path, or with `enterprise` an http URL on the fake served by `git http-backend`, so a real `git push` lands there.
 */
export class GithubApiServer {
  readonly data = new FakeGithubData();
  readonly rate: FakeRateLimit;
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;
  private urls: FakeUrls = { api: '', html: '', raw: '' };
  private readonly prefix: string;
  /** Repositories created through the API, and the users and teams that writes check against. */
  readonly writes: FakeRepoWrites;
  private readonly gitRoot: string;

  private constructor(private readonly options: GithubApiServerOptions) {
    this.prefix = options.enterprise ? '/api/v3' : '';
    this.gitRoot = mkdtempSync(join(tmpdir(), 'callboard-fake-github-'));
    this.writes = new FakeRepoWrites(this.data, () => this.urls, {
      login: options.login ?? 'octocat',
      users: options.users ?? [],
      teams: options.teams ?? {},
      gitRoot: this.gitRoot,
      gitOverHttp: options.enterprise ?? false,
    });
    this.rate = new FakeRateLimit(options.rateLimit ?? 5000, Math.floor(Date.now() / 1000) + 3600);
    for (const [org, repos] of Object.entries(options.orgs)) this.data.addOrg(org, repos);
  }

  static async start(options: GithubApiServerOptions): Promise<GithubApiServer> {
    const fake = new GithubApiServer(options);
    const server = createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fake.server = server;
    fake.urls = options.enterprise
      ? { api: `${origin}/api/v3`, html: origin, raw: `${origin}/raw` }
      : { api: origin, html: 'https://github.com', raw: 'https://raw.githubusercontent.com' };
    return fake;
  }

  /** What to pass as `apiBaseUrl`. */
  get apiBaseUrl(): string {
    return this.urls.api;
  }

  /** The web base of html_url: `https://github.com`, or the server's own origin for Enterprise. */
  get htmlBaseUrl(): string {
    return this.urls.html;
  }

  /** The blob sha GitHub would report for `content`. */
  blobSha(content: string): string {
    return computeBlobSha(Buffer.from(content));
  }

  clearRequests(): void {
    this.requests.splice(0);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.gitRoot, { recursive: true, force: true });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const accept = request.headers.accept;
    const ifNoneMatch = request.headers['if-none-match'];
    const record: RecordedRequest = { method: request.method ?? 'GET', path: '', status: 0, ifNoneMatch, accept };
    record.path = url.pathname.slice(this.prefix.length) + url.search;
    this.requests.push(record);
    if (this.options.enterprise && GIT_HTTP_PATH.test(url.pathname)) return this.handleGit(request, response, record);
    const body = await readJsonBody(request);
    if (body.parsed !== undefined) record.body = body.parsed;
    const answer = body.invalid ? jsonAnswer(400, createErrorBody(400, 'Problems parsing JSON')) : await this.answer(request, url, body.parsed);
    record.status = answer.status;
    this.send(response, answer);
  }

  private async answer(request: IncomingMessage, url: URL, body: unknown): Promise<FakeAnswer> {
    if (!url.pathname.startsWith(`${this.prefix}/`)) return jsonAnswer(404, createErrorBody(404, 'Not Found'));
    if (!this.isAuthorized(request.headers.authorization)) return jsonAnswer(401, createErrorBody(401, 'Bad credentials'));
    const refusal = this.rate.takeSecondaryRefusal();
    if (refusal) return this.secondaryLimitAnswer(refusal.status, refusal.retryAfterSeconds);
    if (this.rate.remaining === 0) return this.rateLimitAnswer();
    const path = url.pathname.slice(this.prefix.length);
    const method = request.method ?? 'GET';
    const read = method === 'GET' ? routeGithubRequest(this.data, this.urls, path, url.searchParams, request.headers.accept) : undefined;
    const answer = read ?? (await this.writes.route(method, path.replace(/\/+$/, ''), body));
    const routed = answer ?? jsonAnswer(404, createErrorBody(404, 'Not Found'));
    const etag = routed.status === 200 && method === 'GET' ? computeEtag(routed) : undefined;
    if (etag && matchesEtag(request.headers['if-none-match'], etag)) return { status: 304, headers: { etag }, body: '' };
    this.rate.consume();
    return etag ? { ...routed, headers: { ...routed.headers, etag } } : routed;
  }

  /** Git over smart HTTP, as GitHub serves it: the token as the basic-auth password (git sends it after a 401). */
  private async handleGit(request: IncomingMessage, response: ServerResponse, record: RecordedRequest): Promise<void> {
    const basic = /^basic (.+)$/i.exec(request.headers.authorization ?? '');
    const [user, password] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
    if (password !== this.options.token) {
      record.status = 401;
      response.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' });
      response.end('Invalid username or token.');
      return;
    }
    record.status = 200;
    await serveGitHttp(request, response, this.gitRoot, user || 'x-access-token');
  }

  private isAuthorized(header: string | undefined): boolean {
    const match = /^(token|bearer) (.+)$/i.exec(header ?? '');
    return match?.[2] === this.options.token;
  }

  private rateLimitAnswer(): FakeAnswer {
    const message = 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.';
    return jsonAnswer(403, createErrorBody(403, message, 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'));
  }

  private secondaryLimitAnswer(status: 403 | 429, retryAfterSeconds: number): FakeAnswer {
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    const body = createErrorBody(status, message, 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits');
    return { ...jsonAnswer(status, body), headers: { 'retry-after': String(retryAfterSeconds) } };
  }

  private send(response: ServerResponse, answer: FakeAnswer): void {
    response.writeHead(answer.status, {
      'content-type': answer.contentType ?? 'application/json; charset=utf-8',
      'cache-control': 'private, max-age=60, s-maxage=60',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${this.requests.length}`,
      ...this.rate.headers(),
      ...answer.headers,
    });
    response.end(answer.status === 304 ? undefined : answer.body);
  }
}

function computeEtag(answer: FakeAnswer): string {
  const digest = createHash('sha1').update(answer.body).digest('hex');
  return answer.contentType?.includes('raw') ? `"${digest}"` : `W/"${digest}"`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  return (header ?? '').split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*');
}
