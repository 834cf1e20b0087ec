import { describe, expect, it } from 'vitest';
import { BOM, CsvError, readCsv, writeCsv } from '@/utils/transfer/csv';

const cells = (text: string) => readCsv(text).map((r) => r.cells);

describe('writeCsv', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes only cells that need it', () => {
    const text = writeCsv([
      ['Name', 'Note'],
      ['Apple, Inc.', 'said "hello"\nthen left'],
    ]);
    expect(text).toBe(`${BOM}Name,Note\r\n"Apple, Inc.","said ""hello""\nthen left"\r\n`);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(writeCsv([['=HYPERLINK("http://x")', '+1', '@SUM(A1)', '-2']])).toBe(
      `${BOM}"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1),'-2\r\n`,
    );
  });
});

describe('readCsv', () => {
  it('reads back what writeCsv wrote, formulas included, unchanged', () => {
    const rows = [
      ['Name', 'Aliases', 'Note'],
      ['=cmd|calc', 'Apple, Inc.; AAPL', 'two\r\nlines "quoted"'],
      ['', 'ünïcödé 小米', "'already quoted"],
      ["'=not a formula", "''+two", '-'],
    ];
    expect(cells(writeCsv(rows))).toEqual(rows);
  });

  it('accepts LF files without a BOM and skips blank lines', () => {
    expect(cells('a,b\n\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('numbers rows by the line they start on, counting line breaks inside quotes', () => {
    expect(readCsv('h\n"one\ntwo"\nthree').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => readCsv('a,b\n1,"never closed\n2,3')).toThrow(new CsvError(2, 'a quoted cell is never closed'));
  });

  it('names the line of a stray quote', () => {
    expect(() => readCsv('a,b\n1,2\nx"y,3')).toThrow('Line 3: a quote in the middle of an unquoted cell');
    expect(() => readCsv('a\n"x"y')).toThrow('Line 2: unexpected text after a closing quote');
  });

  it('stops at the row limit instead of reading an endless file', () => {
    expect(() => readCsv('a\nb\nc\nd', 3)).toThrow('Line 4: the file has more than 3 rows');
  });
});
