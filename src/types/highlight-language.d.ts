// One highlight.js language module (highlight.js/lib/languages/<name>): opaque, handed to registerLanguage.
// Typed by hand for the reason src/types/highlight-js.d.ts gives.
declare const language: (hljs: unknown) => object;
export default language;
