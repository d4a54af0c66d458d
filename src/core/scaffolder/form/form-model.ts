/**
 * A template's parameter pages read into what a form shows: per page, its fields in `ui:order` order, each with
 * the kind of input that fits it. Slack views and the value parser both work from this model, so a field is
 * shown and read back the same way.
 */

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'password'
  | 'static-select'
  | 'external-select'
  | 'checkbox'
  | 'number'
  | 'multi-select'
  | 'date'
  | 'context'
  | 'entity-picker'
  | 'owner-picker'
  | 'multi-entity-picker'
  | 'owned-entity-picker'
  | 'my-groups-picker'
  | 'entity-tags-picker'
  | 'entity-name'
  | 'repo-url'
  | 'unsupported';

/** One choice of an `enum`: the value as the schema has it, and the label (`enumNames`, else the value). */
export interface FieldOption {
  value: string | number | boolean | null;
  label: string;
}

/** One `catalogFilter` entry: entity field path (`kind`, `spec.type`, `metadata.tags`) → accepted values, or `{ exists }`. */
export type CatalogFilter = Record<string, string[] | { exists: boolean }>;

export interface PickerSettings {
  /** Alternatives: an entity matches when it matches any one of them; empty means any entity. */
  catalogFilter: CatalogFilter[];
  allowArbitraryValues: boolean;
  defaultKind?: string;
  defaultNamespace?: string;
}

export interface RepoUrlSettings {
  allowedHosts: string[];
  allowedOwners: string[];
  allowedRepos: string[];
}

/** What the review page does with the value (`ui:backstage.review`, password widgets). */
export interface ReviewSettings {
  show: boolean;
  /** Shown instead of the value. */
  mask?: string;
}

export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** `description` and `ui:help`, for the input's hint. */
  hint?: string;
  placeholder?: string;
  default?: unknown;
  /** `ui:autofocus`: the input takes the focus when the page opens. */
  autofocus: boolean;
  /** `ui:readonly` / `ui:disabled`: shown, not editable; the default (or the value already held) is submitted. */
  readonly: boolean;
  /** `ui:widget: hidden`: no input; the default (or the value already held) is submitted. */
  hidden: boolean;
  /** Password widget or `ui:field: Secret`: never stored, logged or shown. */
  secret: boolean;
  review: ReviewSettings;
  /** `enum` choices, for selects. */
  options?: FieldOption[];
  /** Arrays: multi-select, multi-entity and tag pickers, unsupported arrays. */
  multiple: boolean;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  minLength?: number;
  maxLength?: number;
  picker?: PickerSettings;
  repoUrl?: RepoUrlSettings;
  /** Why the field is shown the way it is (context text, or what Callboard cannot show for an unsupported field). */
  note?: string;
  /** The JSON Schema type, so a value typed into a stand-in input can be read back (`array`, `object` as JSON). */
  valueType?: string;
  /** From `dependencies` / `allOf if-then`: the field belongs on the page only while `field` holds one of `values` (any value when absent). */
  condition?: { field: string; values?: unknown[] };
  /** Other fields' conditions depend on this one, so a change should redraw the page. */
  controlsOthers: boolean;
  /** The property schema as written, for validation. */
  schema: Record<string, unknown>;
}

export interface FormPage {
  /** Index in the template's pages. */
  index: number;
  title: string;
  description?: string;
  fields: FormField[];
  /** Schema features the form cannot show (an unmappable `dependencies`), said plainly on the page. */
  notes: string[];
}
