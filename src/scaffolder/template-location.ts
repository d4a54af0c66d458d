/**
 * Where a template's files are, as the scaffolder reads them: the template's own folder in its source at the
 * synced version, checked out to a local folder for the run. `url` inputs resolve against it.
 */
export interface TemplateLocation {
  /** Absolute local folder holding the template file (`template.yaml`'s folder). */
  readonly templateDir: string;
  /** Absolute local folder of the source's root; nothing outside it is readable. */
  readonly sourceRoot: string;
  /**
   * Resolves a `url` input: relative paths against `templateDir` (never leaving `sourceRoot`), and absolute URLs
   * that point into a synced source to a local path. @throws InvalidInputError naming the URL otherwise.
   */
  resolve(url: string): Promise<string>;
  /** Removes any checkout made for the run. */
  release(): Promise<void>;
}

/** Opens a template's location for a run, from the catalog's record of where the template entity came from. */
export interface TemplateLocator {
  /** @throws NotFoundError when the template is not in the catalog. */
  open(templateRef: string): Promise<TemplateLocation>;
}
