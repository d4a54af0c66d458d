/**
 * A Template entity (scaffolder.backstage.io/v1beta3) read into what the scaffolder runs: form pages, steps and
 * outputs, plus Callboard's own annotations. Expressions (`${{ … }}`) are kept as written; they are rendered
 * only when the run reaches them.
 */

/** A JSON Schema form page with its inline `ui:*` keys, as the template wrote it. */
export type ParameterPage = Record<string, unknown> & {
  title?: string;
  description?: string;
  required?: string[];
  properties?: Record<string, Record<string, unknown>>;
  /** `${{ … }}` or a boolean: the page is skipped when it renders falsy. */
  when?: string | boolean;
};

export interface StepDefinition {
  /** Unique within the template; Backstage lets it be absent, Callboard then names it `step-<n>` (1-based). */
  id: string;
  /** True when `id` was written in the template (only then can `steps.<id>.output` reach it). */
  idWritten: boolean;
  name: string;
  action: string;
  input: Record<string, unknown>;
  if?: string | boolean;
  each?: unknown;
}

export interface OutputLink {
  title?: string;
  url?: string;
  entityRef?: string;
  icon?: string;
  if?: string | boolean;
}

export interface OutputText {
  title?: string;
  content?: string;
  icon?: string;
  default?: boolean;
  if?: string | boolean;
}

export interface TemplateOutput {
  links: OutputLink[];
  text: OutputText[];
  /** Every other output key, templated. */
  other: Record<string, unknown>;
}

export interface TemplateDefinition {
  /** Canonical ref, `template:default/name`. */
  ref: string;
  name: string;
  title: string;
  description?: string;
  tags: string[];
  type: string;
  /** Canonical owner ref, when the template names one. */
  owner?: string;
  pages: ParameterPage[];
  steps: StepDefinition[];
  output: TemplateOutput;
  /** `callboard.dev/approvers`: canonical group refs; empty means no approval needed. */
  approvers: string[];
  /** `callboard.dev/allowed-groups`: canonical group refs; empty means everyone may run it. */
  allowedGroups: string[];
}

/** Annotations Callboard reads on a Template. */
export const TemplateAnnotations = {
  approvers: 'callboard.dev/approvers',
  allowedGroups: 'callboard.dev/allowed-groups',
} as const;
