import { ConflictError } from '../../core/errors.ts';
import type { TemplateAction } from './action.ts';

/** The actions templates may name, by id; a second action with an id already held fails at start-up. */
export class ActionRegistry {
  private readonly byId = new Map<string, TemplateAction>();

  constructor(actions: readonly TemplateAction[] = []) {
    for (const action of actions) this.register(action);
  }

  register(action: TemplateAction): void {
    if (this.byId.has(action.id)) throw new ConflictError(`two scaffolder actions have the id ${action.id}`);
    this.byId.set(action.id, action);
  }

  get(id: string): TemplateAction | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }
}
