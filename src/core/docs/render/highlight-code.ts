import { createRequire } from 'node:module';

/** The part of highlight.js's API Callboard calls. */
interface Highlighter {
  getLanguage(name: string): object | undefined;
  registerLanguage(name: string, language: unknown): void;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
}

// Loaded with require, typed by hand: highlight.js's own types start with `/// <reference lib="dom" />`, which
// would swap Node's fetch, Response and stream types for the browser's across the whole project.
const load = createRequire(import.meta.url);
const hljs = load('highlight.js/lib/common') as Highlighter;
const languageNamed = (name: string): unknown => load(`highlight.js/lib/languages/${name}`);

/**
 * highlight.js with its common set (36 languages, a third of the full bundle's load time) plus languages service
 * docs often use that it leaves out: Dockerfiles, protobuf, Gradle/Groovy, PowerShell, properties, nginx, Scala.
 */
const EXTRAS = ['dockerfile', 'groovy', 'nginx', 'powershell', 'properties', 'protobuf', 'scala'];
let extrasRegistered = false;

const registerExtras = (): void => {
  for (const name of EXTRAS) if (!hljs.getLanguage(name)) hljs.registerLanguage(name, languageNamed(name));
  extrasRegistered = true;
};

/** Highlighted HTML for a known language; otherwise the code unchanged, which marked then escapes as plain text. */
export const highlightCode = (code: string, language: string): string => {
  if (!extrasRegistered) registerExtras();
  return language && hljs.getLanguage(language) ? hljs.highlight(code, { language, ignoreIllegals: true }).value : code;
};
