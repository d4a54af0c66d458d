/**
 * CSV as spreadsheets read it (RFC 4180): every field quoted, quotes doubled, CRLF line ends. Catalog
 * text is written by many people, so a field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return first) is prefixed with an apostrophe, the usual guard against CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const csvField = (value: string | number | boolean | undefined): string => {
  const text = value === undefined ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** A header row and data rows as one CSV text. */
export const toCsv = (header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>): string =>
  [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

/** A file name part from catalog text: lowercase letters, digits and dashes only. */
export const fileNamePart = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'list';

/** A list ready to upload: its file name, a title, the CSV text, how many rows it holds, and what it leaves out. */
export interface CsvExport {
  filename: string;
  title: string;
  csv: string;
  rows: number;
  /** Said with the file when the list is not everything (a walk stopped at its node budget). */
  note?: string;
}
