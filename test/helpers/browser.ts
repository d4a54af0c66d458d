import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Per-test timeout for browser tests: a loaded CI machine starts Chromium and loads pages slowly. */
export const BROWSER_TEST_TIMEOUT_MS = 300_000;

/**
 * Launches headless Debian Chromium through playwright-core. A missing browser fails the test with how to install
 * it, never skips it: the docs site's XSS guarantees are only checked here.
 */
export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: the browser tests need Debian's Chromium; install it with \`apt-get install chromium\` (.ci/run does this)`);
  // No sandbox: CI runs as root in a container; no background networking: the only requests are the page's own.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
};
