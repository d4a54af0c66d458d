import type { Entity } from '../core/catalog/entity.ts';
import { stringifyEntityRef, tryParseEntityRef } from '../core/catalog/refs.ts';
import { CallboardError } from '../core/errors.ts';
import { OnCallUnavailableError, type OnCallProvider, type OnCallSchedule, type OnCallSource } from '../core/oncall/on-call.ts';
import { parseRotation } from '../core/oncall/rotation/rotation.ts';
import { rotationSchedule } from '../core/oncall/rotation/rotation-schedule.ts';

export const ROTATION_ANNOTATION = 'callboard.dev/rotation';

/** Finds an entity by canonical ref; `CatalogReader.entityEnvelope` fits. */
export type FindEntity = (ref: string) => Entity | undefined;

/**
 * `payments-primary` → `rotation:<namespace>/payments-primary`, in the namespace of the entity that wrote it (as
 * Backstage reads relative refs); undefined when it is not a ref or names another kind.
 */
const rotationRefOf = (text: string, namespace = 'default'): string | undefined => {
  const parsed = tryParseEntityRef(text, { defaultKind: 'Rotation', defaultNamespace: namespace });
  return parsed.ok && parsed.ref.kind.toLowerCase() === 'rotation' ? stringifyEntityRef(parsed.ref) : undefined;
};

/**
 * Built-in rotations (Rotation entities in the catalog) as an on-call provider. Nothing leaves the process: the
 * rotation is read from the catalog and the math is core/oncall/rotation, so a lookup cannot be slow or rate-limited.
 */
export class RotationProvider implements OnCallProvider {
  readonly id = 'rotation';
  private readonly findEntity: FindEntity;

  constructor(options: { findEntity: FindEntity }) {
    this.findEntity = options.findEntity;
  }

  /**
   * `callboard.dev/rotation`: a Rotation's name or ref (`payments-primary`, `rotation:ops/payments-primary`). A value
   * that is not a rotation ref is still a source, so that the lookup can say what is wrong with it.
   */
  sourceFromAnnotations(annotations: Readonly<Record<string, string>>, entity?: { namespace?: string }): OnCallSource | undefined {
    const value = annotations[ROTATION_ANNOTATION]?.trim();
    if (!value) return undefined;
    return { provider: this.id, id: rotationRefOf(value, entity?.namespace) ?? value, annotation: ROTATION_ANNOTATION };
  }

  async lookup(source: OnCallSource, at: Date, signal?: AbortSignal): Promise<OnCallSchedule> {
    signal?.throwIfAborted();
    if (source.provider !== this.id)
      throw new OnCallUnavailableError(`the rotation provider was asked about a ${source.provider} source (${source.annotation})`);
    const ref = rotationRefOf(source.id);
    if (!ref) {
      throw new OnCallUnavailableError(
        `${source.annotation} "${source.id}" is not a rotation; write a Rotation's name such as "payments-primary" or a ref such as "rotation:ops/payments-primary"`,
      );
    }
    const entity = this.findEntity(ref);
    if (!entity)
      throw new OnCallUnavailableError(`${ref} is not in the catalog (named by ${source.annotation}); check the name, and callboard errors for its file`);
    try {
      return rotationSchedule(parseRotation(entity), at);
    } catch (error) {
      // The catalog keeps only valid rotations, so this is a stored entity from an older Callboard: say what is wrong.
      if (error instanceof CallboardError) throw new OnCallUnavailableError(error.message, { cause: error });
      throw error;
    }
  }
}
