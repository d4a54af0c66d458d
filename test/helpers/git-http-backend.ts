import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A smart-HTTP git path under a project root: `/<owner>/<repo>.git/info/refs`, `…/git-upload-pack`, `…/git-receive-pack`. */
export const GIT_HTTP_PATH = /^\/[^/]+\/[^/]+\.git\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD)$/;

/**
 * Serves one smart-HTTP git request with the real `git http-backend` (CGI) over the bare repositories under
 * `projectRoot`, so clones, fetches and pushes of a fake host go through git's own server side. `remoteUser` set
 * means the request was authenticated, which is what lets http-backend accept a push.
 */
export const serveGitHttp = (request: IncomingMessage, response: ServerResponse, projectRoot: string, remoteUser: string | undefined): Promise<void> =>
  new Promise((resolve) => {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: projectRoot,
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      REMOTE_ADDR: '127.0.0.1',
      ...(request.headers['content-length'] ? { CONTENT_LENGTH: request.headers['content-length'] } : {}),
      ...(request.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] } : {}),
      ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
      ...(remoteUser ? { REMOTE_USER: remoteUser } : {}),
    };
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    request.pipe(child.stdin);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', () => {
      const output = Buffer.concat(chunks);
      const split = output.indexOf('\r\n\r\n') >= 0 ? output.indexOf('\r\n\r\n') : output.indexOf('\n\n');
      const separator = output.indexOf('\r\n\r\n') >= 0 ? 4 : 2;
      const headerText = split >= 0 ? output.subarray(0, split).toString('utf8') : '';
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of headerText.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]) || 500;
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.end(split >= 0 ? output.subarray(split + separator) : output);
      resolve();
    });
  });
