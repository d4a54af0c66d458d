import type { Linter } from 'eslint';

/** Flat-config blocks that keep imports pointing inward (see import-boundaries.js). */
export declare const importBoundaries: () => Linter.Config[];
/** The folders the blocks cover and the deepest nesting they reach. */
export declare const boundaryLayers: { folders: string[]; maxDepth: number };
