import { createHash } from 'node:crypto';

/** A repository as a test describes it. */
export interface FakeRepoInput {
  name: string;
  archived?: boolean;
  defaultBranch?: string;
  /** Files on the default branch, by path. */
  files?: Record<string, string>;
}

export interface FakeRepo {
  id: number;
  name: string;
  archived: boolean;
  defaultBranch: string;
  files: Map<string, Buffer>;
  pushedAt: string;
}

export interface FakeOrg {
  id: number;
  login: string;
  repos: FakeRepo[];
}

/** The git blob id GitHub reports as `sha` for a file's content. */
export function computeBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/**
 * The mutable world behind the fake GitHub API: organisations, repositories and the files on their default
 * branch. Every edit moves `pushed_at`, as a push does on GitHub.
 */
export class FakeGithubData {
  private readonly orgs = new Map<string, FakeOrg>();
  private nextId = 1000;
  private clock = Date.UTC(2024, 0, 1);

  addOrg(login: string, repos: readonly FakeRepoInput[] = []): void {
    this.orgs.set(login.toLowerCase(), { id: this.nextId++, login, repos: [] });
    for (const repo of repos) this.addRepo(login, repo);
  }

  addRepo(org: string, input: FakeRepoInput): void {
    const files = new Map(Object.entries(input.files ?? {}).map(([path, text]) => [path, Buffer.from(text)]));
    this.requireOrg(org).repos.push({
      id: this.nextId++,
      name: input.name,
      archived: input.archived ?? false,
      defaultBranch: input.defaultBranch ?? 'main',
      files,
      pushedAt: this.tick(),
    });
  }

  removeRepo(org: string, name: string): void {
    const owner = this.requireOrg(org);
    owner.repos = owner.repos.filter((repo) => repo.name !== name);
  }

  /** Writes (or with null deletes) a file on the default branch of `org/repo`. */
  setFile(org: string, repo: string, path: string, content: string | null): void {
    const target = this.findRepo(org, repo);
    if (!target) throw new Error(`fake GitHub: no repository ${org}/${repo}`);
    if (content === null) target.files.delete(path);
    else target.files.set(path, Buffer.from(content));
    target.pushedAt = this.tick();
  }

  findOrg(login: string): FakeOrg | undefined {
    return this.orgs.get(login.toLowerCase());
  }

  findOrgById(id: number): FakeOrg | undefined {
    return [...this.orgs.values()].find((org) => org.id === id);
  }

  findRepo(org: string, name: string): FakeRepo | undefined {
    return this.findOrg(org)?.repos.find((repo) => repo.name.toLowerCase() === name.toLowerCase());
  }

  private requireOrg(login: string): FakeOrg {
    const org = this.findOrg(login);
    if (!org) throw new Error(`fake GitHub: no organisation ${login}`);
    return org;
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}
