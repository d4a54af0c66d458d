import { runCli } from './main.ts';

/** Process entry of `callboard`: real stdio, real exit code. */
const exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = exitCode;
