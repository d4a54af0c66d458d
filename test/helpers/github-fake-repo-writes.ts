import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FakeGithubData } from './github-fake-data.ts';
import { createErrorBody, type FakeUrls } from './github-fake-payloads.ts';
import { json, type FakeAnswer } from './github-fake-routes.ts';

const execFileAsync = promisify(execFile);

/** A repository created through the fake (POST /orgs/{org}/repos or /user/repos), backed by a real bare repository. */
export interface CreatedFakeRepo {
  id: number;
  owner: string;
  ownerType: 'Organization' | 'User';
  name: string;
  visibility: 'private' | 'internal' | 'public';
  description: string | null;
  homepage: string | null;
  topics: string[];
  collaborators: Map<string, string>;
  teams: Map<string, string>;
  /** The bare repository `git push` lands in; clone_url is its path. */
  bareDir: string;
}

export interface RepoWritesOptions {
  /** The token's own user (GET /user). */
  login: string;
  /** Other users that exist (GET /users/{u}, collaborators). */
  users: readonly string[];
  /** Teams by organisation. */
  teams: Readonly<Record<string, readonly string[]>>;
  /** Where bare repositories of created repositories go. */
  gitRoot: string;
  /** clone_url is `<html origin>/<owner>/<repo>.git` (served by the fake) instead of the bare repository's path. */
  gitOverHttp: boolean;
}

const createDocs = 'https://docs.github.com/rest/repos/repos#create-an-organization-repository';
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
const PERMISSIONS = ['pull', 'triage', 'push', 'maintain', 'admin'];

const validationFailed = (message: string, errors: Record<string, string>[]): FakeAnswer =>
  json(422, { message, errors, documentation_url: createDocs, status: '422' });

/** The JSON body of a request; `invalid` when it is not JSON (GitHub answers 400 Problems parsing JSON). */
export async function readJsonBody(request: IncomingMessage): Promise<{ parsed?: unknown; invalid?: boolean }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return { parsed: JSON.parse(text) as unknown };
  } catch {
    return { invalid: true };
  }
}

const notFound = (): FakeAnswer => json(404, createErrorBody(404, 'Not Found'));

/**
 * The repository-creating part of the fake GitHub API, as strict as GitHub about what publish:github sends:
 * who the owner is, a required and free `name`, visibility per account type, topic syntax, existing users and teams.
 */
export class FakeRepoWrites {
  readonly created = new Map<string, CreatedFakeRepo>();
  private nextId = 5000;

  constructor(
    private readonly data: FakeGithubData,
    private readonly urls: () => FakeUrls,
    private readonly options: RepoWritesOptions,
  ) {}

  find(owner: string, name: string): CreatedFakeRepo | undefined {
    return this.created.get(`${owner}/${name}`.toLowerCase());
  }

  async route(method: string, path: string, body: unknown): Promise<FakeAnswer | undefined> {
    const key = `${method} ${path}`;
    let match: RegExpExecArray | null;
    if (key === 'GET /user') return json(200, this.userJson(this.options.login));
    if ((match = /^GET \/users\/([^/]+)$/.exec(key))) return this.answerUser(decodeURIComponent(match[1]!));
    if ((match = /^GET \/repos\/([^/]+)\/([^/]+)$/.exec(key))) return this.answerRepo(match[1]!, match[2]!);
    if ((match = /^POST \/orgs\/([^/]+)\/repos$/.exec(key))) {
      const org = this.data.findOrg(match[1]!);
      return org ? this.createRepo(org.login, 'Organization', body) : notFound();
    }
    if (key === 'POST /user/repos') return this.createRepo(this.options.login, 'User', body);
    if ((match = /^PUT \/repos\/([^/]+)\/([^/]+)\/topics$/.exec(key))) return this.setTopics(match[1]!, match[2]!, body);
    if ((match = /^PUT \/repos\/([^/]+)\/([^/]+)\/collaborators\/([^/]+)$/.exec(key))) return this.addCollaborator(match[1]!, match[2]!, match[3]!, body);
    if ((match = /^PUT \/orgs\/([^/]+)\/teams\/([^/]+)\/repos\/([^/]+)\/([^/]+)$/.exec(key))) return this.addTeam(match, body);
    return undefined;
  }

  private isUser(login: string): boolean {
    return [this.options.login, ...this.options.users].some((user) => user.toLowerCase() === login.toLowerCase());
  }

  private userJson(login: string): Record<string, unknown> {
    return { login, id: 1, type: 'User', html_url: `${this.urls().html}/${login}` };
  }

  private answerUser(login: string): FakeAnswer {
    const org = this.data.findOrg(login);
    if (org) return json(200, { login: org.login, id: org.id, type: 'Organization', html_url: `${this.urls().html}/${org.login}` });
    return this.isUser(login) ? json(200, this.userJson(login)) : notFound();
  }

  private answerRepo(owner: string, name: string): FakeAnswer {
    const created = this.find(owner, name);
    if (created) return json(200, this.repoJson(created));
    const existing = this.data.findRepo(owner, name);
    if (!existing) return notFound();
    return json(200, { id: existing.id, name: existing.name, full_name: `${owner}/${existing.name}`, default_branch: existing.defaultBranch });
  }

  private async createRepo(owner: string, ownerType: CreatedFakeRepo['ownerType'], body: unknown): Promise<FakeAnswer> {
    const input = (body ?? {}) as Record<string, unknown>;
    const name = input.name;
    if (typeof name !== 'string' || name === '') return validationFailed('Invalid request.\n\n"name" wasn\'t supplied.', []);
    if (!NAME.test(name))
      return validationFailed('Repository creation failed.', [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name is invalid' }]);
    if (this.find(owner, name) || this.data.findRepo(owner, name)) {
      return validationFailed('Repository creation failed.', [
        { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
      ]);
    }
    const visibility = (input.visibility ?? (input.private === false ? 'public' : 'private')) as CreatedFakeRepo['visibility'];
    if (!['private', 'public', 'internal'].includes(visibility) || (visibility === 'internal' && ownerType === 'User')) {
      return validationFailed('Validation Failed', [{ resource: 'Repository', code: 'invalid', field: 'visibility' }]);
    }
    const bareDir = join(this.options.gitRoot, owner, `${name}.git`);
    await mkdir(join(this.options.gitRoot, owner), { recursive: true });
    await execFileAsync('git', ['init', '--quiet', '--bare', bareDir]);
    const repo: CreatedFakeRepo = {
      id: this.nextId++,
      owner,
      ownerType,
      name,
      visibility,
      description: typeof input.description === 'string' ? input.description : null,
      homepage: typeof input.homepage === 'string' ? input.homepage : null,
      topics: [],
      collaborators: new Map(),
      teams: new Map(),
      bareDir,
    };
    this.created.set(`${owner}/${name}`.toLowerCase(), repo);
    return json(201, this.repoJson(repo));
  }

  private repoJson(repo: CreatedFakeRepo): Record<string, unknown> {
    const urls = this.urls();
    return {
      id: repo.id,
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      private: repo.visibility !== 'public',
      visibility: repo.visibility,
      owner: { login: repo.owner, type: repo.ownerType },
      html_url: `${urls.html}/${repo.owner}/${repo.name}`,
      // Served by the fake over smart HTTP, or a path git pushes to directly (the stand-in for https://github.com/<o>/<r>.git).
      clone_url: this.options.gitOverHttp ? `${urls.html}/${repo.owner}/${repo.name}.git` : repo.bareDir,
      description: repo.description,
      homepage: repo.homepage,
      topics: repo.topics,
      default_branch: 'main',
    };
  }

  private setTopics(owner: string, name: string, body: unknown): FakeAnswer {
    const repo = this.find(owner, name);
    if (!repo) return notFound();
    const names = (body as { names?: unknown } | undefined)?.names;
    if (!Array.isArray(names)) return validationFailed('Invalid request.\n\n"names" wasn\'t supplied.', []);
    const bad = names.find((topic) => typeof topic !== 'string' || !TOPIC.test(topic));
    if (bad !== undefined) return validationFailed('Validation Failed', [{ resource: 'Repository', code: 'invalid', field: 'topics', value: String(bad) }]);
    repo.topics = names as string[];
    return json(200, { names });
  }

  private addCollaborator(owner: string, name: string, user: string, body: unknown): FakeAnswer {
    const repo = this.find(owner, name);
    if (!repo || !this.isUser(user)) return notFound();
    const permission = (body as { permission?: string } | undefined)?.permission ?? 'push';
    if (!PERMISSIONS.includes(permission)) return validationFailed('Validation Failed', [{ resource: 'Repository', code: 'invalid', field: 'permission' }]);
    repo.collaborators.set(user, permission);
    return json(201, { id: repo.id, invitee: { login: user }, permissions: permission });
  }

  private addTeam(match: RegExpExecArray, body: unknown): FakeAnswer {
    const [, org = '', slug = '', owner = '', name = ''] = match;
    const repo = this.find(owner, name);
    const teams = this.options.teams[org.toLowerCase()] ?? [];
    if (!repo || !teams.includes(slug)) return notFound();
    const permission = (body as { permission?: string } | undefined)?.permission ?? 'push';
    if (!PERMISSIONS.includes(permission)) return validationFailed('Validation Failed', [{ resource: 'Team', code: 'invalid', field: 'permission' }]);
    repo.teams.set(slug, permission);
    return { status: 204, body: '', headers: {} };
  }
}
