import { spawn } from 'node:child_process';

/** Runs the system's tar (to unpack a template archive); rejects with its stderr when it fails. */
export function runTar(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new Error(`cannot run tar to unpack a template: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar could not unpack a template: ${stderr.trim()}`))));
  });
}
