import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

const configFile = (incidents: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'callboard-incidents-')), 'callboard.yaml');
  writeFileSync(file, `catalog:\n  sources: []\nincidents:\n${incidents}`);
  return file;
};

describe('incidents: config', () => {
  it('reads channel patterns and the blast radius depth, 2 by default', () => {
    const config = loadConfig({ file: configFile('  channelPatterns: ["^inc-", "^incident-"]\n'), env: {}, cwd: '/' });
    expect(config.incidents).toEqual({ channelPatterns: ['^inc-', '^incident-'], blastRadiusDepth: 2 });
  });

  it('refuses a pattern that is not a regular expression, naming its place in the list', () => {
    const load = () => loadConfig({ file: configFile('  channelPatterns: ["^inc-", "^(incident"]\n'), env: {}, cwd: '/' });
    expect(load).toThrow('incidents.channelPatterns[1]: got "^(incident" — expected a valid JavaScript regular expression');
  });
});
