import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list every page body passes through (raw HTML in Markdown included): text markup, tables, images,
 * links, details, task-list checkboxes and tab radios. No script, style, frames, forms, SVG/MathML, event
 * handlers or style attributes; links only to http(s), mailto and tel; data: only as PNG/GIF/JPEG/WebP images.
 */
const TEXT_TAGS = ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var', 'span', 'div', 'section'];
const INLINE_TAGS = ['a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'dfn', 'time'];
const BLOCK_TAGS = ['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'details', 'summary', 'img', 'input', 'label'];
const FREQUENT_TAGS = ['span', 'p', 'a', 'code', 'li', 'td', 'tr', 'strong', 'em'];
const TABLE_TAGS = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

/** Classes the page markup and the site's stylesheet use: highlight.js tokens, admonition kinds, tabs, footnotes, image alignment. */
const ADMONITION_KINDS = [
  'note',
  'abstract',
  'summary',
  'tldr',
  'info',
  'todo',
  'tip',
  'hint',
  'important',
  'success',
  'check',
  'done',
  'question',
  'help',
  'faq',
  'warning',
  'caution',
  'attention',
  'failure',
  'fail',
  'missing',
  'danger',
  'error',
  'bug',
  'example',
  'quote',
  'cite',
];
const ALLOWED_CLASSES: (string | RegExp)[] = [
  'hljs',
  'hljs-*',
  // A fence's language as written (`c++`, `objective-c`), but nothing that needed escaping.
  /^language-[\w+#.-]+$/,
  'admonition',
  'admonition-title',
  ...ADMONITION_KINDS,
  'tabbed-set',
  'tabbed-content',
  'footnotes',
  'sr-only',
  'center',
  'left',
  'right',
];

const IMAGE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp)[;,]/i;
const SIZE = /^\d+(?:\.\d+)?%?$/;

const options: sanitizeHtml.IOptions = {
  // sanitize-html looks tags up with indexOf, once per element: the most frequent go first (highlight.js spans).
  allowedTags: [...new Set([...FREQUENT_TAGS, ...TEXT_TAGS, ...INLINE_TAGS, ...BLOCK_TAGS, ...TABLE_TAGS])],
  // Dropped together with everything inside them, not just unwrapped.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'xmp',
    'noembed',
    'noframes',
    'title',
    'head',
  ],
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    '*': ['id', 'class', 'title', 'lang', 'dir', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'role'],
    a: ['href', 'name', 'data-footnote-ref', 'data-footnote-backref'],
    img: ['src', 'alt', 'width', 'height', 'align', 'loading'],
    input: ['type', 'checked', 'disabled', 'name'],
    label: ['for'],
    details: ['open'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    section: ['data-footnotes'],
    th: ['align', 'colspan', 'rowspan', 'scope'],
    td: ['align', 'colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    time: ['datetime'],
    abbr: ['title'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'srcset', 'xlink:href'],
  allowProtocolRelative: true,
  allowedIframeHostnames: [],
  allowVulnerableTags: false,
  parseStyleAttributes: false,
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: safeImageAttributes(attribs) }),
    input: (tagName, attribs) => ({ tagName, attribs: safeInputAttributes(attribs) }),
  },
  // Only read-only task-list checkboxes and tab radios are inputs a page may show.
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox' && frame.attribs.type !== 'radio',
  allowedClasses: { '*': ALLOWED_CLASSES },
};

const safeImageAttributes = (attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes => {
  const safe = { ...attribs };
  if (safe.src?.trim().toLowerCase().startsWith('data:') && !IMAGE_DATA_URL.test(safe.src.trim())) delete safe.src;
  for (const size of ['width', 'height'] as const) if (safe[size] !== undefined && !SIZE.test(safe[size])) delete safe[size];
  if (safe.loading !== undefined && safe.loading !== 'lazy' && safe.loading !== 'eager') delete safe.loading;
  return safe;
};

/** Checkboxes are always disabled (a page is not a form); radios keep only what the tab markup uses. */
const safeInputAttributes = (attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes => {
  const type = (attribs.type ?? '').toLowerCase();
  if (type === 'checkbox') return { type, disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}), ...(attribs.id ? { id: attribs.id } : {}) };
  if (type === 'radio') return { type, ...pick(attribs, ['name', 'id', 'checked']) };
  return { type };
};

const pick = (attribs: sanitizeHtml.Attributes, names: string[]): sanitizeHtml.Attributes =>
  Object.fromEntries(names.filter((name) => attribs[name] !== undefined).map((name) => [name, attribs[name]!]));

export const sanitizePageHtml = (html: string): string => sanitizeHtml(html, options);
