/**
 * python-markdown's attr_list (`{ width="300" .center #id }`, optionally `{: … }`), read by hand because no marked
 * extension follows its syntax. Only attributes that cannot run code or restyle the page are kept.
 */
export interface AttributeList {
  id?: string;
  attributes: Record<string, string>;
}

/** `{…}` at the start of a text (an image's attributes follow it directly). */
export const LEADING_ATTRIBUTE_LIST = /^\{:?[ \t]*([^{}\n]*)\}/;
/** `{…}` at the end of a heading. */
export const TRAILING_ATTRIBUTE_LIST = /[ \t]*\{:?[ \t]*([^{}\n]*)\}[ \t]*$/;

const PART = /([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))|([.#])([\w-]+)/g;

const SAFE_VALUES: Record<string, RegExp> = {
  width: /^\d+(?:\.\d+)?(?:px|%)?$/,
  height: /^\d+(?:\.\d+)?(?:px|%)?$/,
  align: /^(?:left|right|center|top|middle|bottom)$/,
  loading: /^(?:lazy|eager)$/,
  title: /^[^<>]*$/,
};

export const parseAttributeList = (inner: string): AttributeList => {
  const attributes: Record<string, string> = {};
  const classes: string[] = [];
  let id: string | undefined;
  for (const match of inner.matchAll(PART)) {
    const [, name, double, single, bare, sigil, word] = match;
    if (sigil === '.') classes.push(word!);
    else if (sigil === '#') id = word;
    else {
      const key = name!.toLowerCase();
      const value = double ?? single ?? bare ?? '';
      if (key === 'class') classes.push(...value.split(/\s+/).filter((part) => /^[\w-]+$/.test(part)));
      else if (SAFE_VALUES[key]?.test(value)) attributes[key] = value.replace(/px$/, '');
    }
  }
  if (classes.length > 0) attributes.class = classes.join(' ');
  return { id, attributes };
};
