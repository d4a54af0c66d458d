import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake git HTTP server answers every request. */
export type GitHttpBehaviour = 'unauthorized' | 'hang';

/**
 * A minimal HTTP endpoint standing in for a git host, to see what git sends (the Authorization header) and
 * how GitSource reacts to refusal or silence. It serves no repository.
 */
export class GitHttpRemote {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
    /** Headers of every request received so far. */
    readonly requests: IncomingHttpHeaders[],
  ) {}

  static async start(behaviour: GitHttpBehaviour): Promise<GitHttpRemote> {
    const requests: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      requests.push(request.headers);
      if (behaviour === 'hang') return;
      response.writeHead(401, { 'www-authenticate': 'Basic realm="git"', 'content-type': 'text/plain' });
      response.end('Unauthorized');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new GitHttpRemote(server, `http://127.0.0.1:${port}`, requests);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
