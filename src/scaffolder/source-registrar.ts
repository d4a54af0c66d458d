/** A catalog source added at run time and kept in the database. */
export interface RegisteredSource {
  id: string;
  /** The URL as given. */
  url: string;
  /** `git` or `dir` (the shape of a `catalog.sources` entry). */
  type: string;
  registeredBy: string;
  registeredAt: string;
}

export interface RegisterResult {
  source: RegisteredSource;
  /** Entities the immediate sync found in it (first one first, as Backstage's `entityRef` output). */
  entityRefs: string[];
  /** False when the URL was already registered (registering twice is not an error). */
  created: boolean;
}

/** Who asks: a person on the server (`callboard register`), a person in Slack, or a template's `catalog:register`. */
export type RegisterOrigin = 'cli' | 'slack' | 'template';

export interface RegisterOptions {
  /**
   * Default `cli`. From `slack` only remote URLs are taken: a Slack user must not make the catalog read the
   * server's folders and files (the CLI runs on the server, so its user may; catalog:register checks on its own).
   */
  origin?: RegisterOrigin;
}

/**
 * Adds a repository or catalog file as a catalog source and syncs it at once, so its entities answer before
 * the call returns. `callboard register`, `/callboard register` and `catalog:register` all come here.
 */
export interface SourceRegistrar {
  /**
   * `url`: a Git URL, a GitHub repository URL, a `…/blob/<branch>/catalog-info.yaml` URL, or a local Git host
   * URL; a path on the server too, except from Slack. @throws InvalidInputError naming what is wrong with the URL.
   */
  register(url: string, registeredBy: string, options?: RegisterOptions): Promise<RegisterResult>;
  /** @throws NotFoundError. Removes the source and, with the next pass, its entities. */
  unregister(id: string): Promise<void>;
  list(): RegisteredSource[];
}
