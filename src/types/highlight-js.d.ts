// highlight.js's own types start with `/// <reference lib="dom" />`, which would give the whole project the
// browser's fetch, Response and ReadableStream types in place of Node's. tsconfig's `paths` points the imports
// Callboard uses here instead: the few calls it makes, typed by hand.
declare const hljs: {
  getLanguage(name: string): object | undefined;
  registerLanguage(name: string, language: (hljs: unknown) => object): void;
  highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): { value: string };
};
export default hljs;
