import { describe, expect, it } from 'vitest';
import { ActionRegistry } from '../../../src/scaffolder/actions/action-registry.ts';
import { workspaceActions } from '../../../src/scaffolder/actions/workspace-actions.ts';

describe('workspaceActions', () => {
  it('lists the ten workspace actions once each, every one with a zod schema', () => {
    const registry = new ActionRegistry(workspaceActions());
    expect(registry.ids()).toEqual([
      'catalog:fetch',
      'catalog:write',
      'debug:log',
      'debug:wait',
      'fetch:plain',
      'fetch:plain:file',
      'fetch:template',
      'fetch:template:file',
      'fs:delete',
      'fs:rename',
    ]);
    for (const action of workspaceActions()) expect(typeof action.schema.safeParse).toBe('function');
  });
});
