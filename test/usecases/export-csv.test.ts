import { describe, expect, it } from 'vitest';
import { fileNamePart, toCsv } from '../../src/usecases/export-csv.ts';

describe('toCsv', () => {
  it('quotes every field, doubles quotes, keeps commas and line breaks inside a field, ends rows with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x, "y"\nz'],
          [2, undefined],
        ],
      ),
    ).toBe('"a","b"\r\n"1","x, ""y""\nz"\r\n"2",""\r\n');
  });

  it('keeps catalog text from running as a spreadsheet formula', () => {
    expect(toCsv(['t'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tx'], ['plain']])).toBe(
      '"t"\r\n"\'=HYPERLINK(""http://evil"")"\r\n"\'+1"\r\n"\'-2"\r\n"\'@SUM(A1)"\r\n"\'\tx"\r\n"plain"\r\n',
    );
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(toCsv(['n'], [[-3]])).toBe('"n"\r\n"-3"\r\n');
  });
});

describe('fileNamePart', () => {
  it.each([
    ['orders-db', 'orders-db'],
    ['Payments API / v2', 'payments-api-v2'],
    ['../../etc/passwd', 'etc-passwd'],
    ['🚀', 'list'],
  ])('%s → %s', (text, expected) => {
    expect(fileNamePart(text)).toBe(expected);
  });
});
