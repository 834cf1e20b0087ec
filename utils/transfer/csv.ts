/**
 * CSV in the dialect spreadsheets read and write (RFC 4180): comma-separated, double quotes
 * around cells that need them, CRLF line ends, UTF-8 with a byte-order mark so Excel does not
 * guess a legacy encoding. Cells that a spreadsheet would run as a formula are defused on the way
 * out, and the defusing is undone on the way in, so a round trip changes nothing.
 */

export const BOM = '\uFEFF';

export class CsvError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`Line ${line}: ${problem}`);
    this.name = 'CsvError';
  }
}

// A leading =, +, -, @, tab or carriage return makes Excel and LibreOffice evaluate the cell;
// a leading apostrophe makes them show it as text. Apostrophes already there get one more, so
// reading strips exactly one and a round trip is exact.
const FORMULA_START = /^'*[=+\-@\t\r]/u;

function defuse(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes rows (the first is the header) as spreadsheet-ready CSV text. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((row) => row.map((cell) => quote(defuse(cell))).join(',')).join('\r\n')}\r\n`;
}

function restore(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

export interface CsvRow {
  /** 1-based line of the file where the row starts, for error messages. */
  line: number;
  cells: string[];
}

/**
 * Reads CSV text into rows. Accepts CRLF or LF, quoted cells with embedded commas, quotes and
 * line breaks, and an optional byte-order mark. Rejects an unterminated quote or a stray quote
 * inside an unquoted cell, naming the line.
 */
export function readCsv(text: string, maxRows = Number.POSITIVE_INFINITY): CsvRow[] {
  const rows: CsvRow[] = [];
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    cells.push(restore(cell));
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) {
      if (rows.length >= maxRows) throw new CsvError(rowLine, `the file has more than ${maxRows} rows`);
      rows.push({ line: rowLine, cells });
    }
    cells = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          const next = source[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new CsvError(line, 'unexpected text after a closing quote');
          }
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell.length > 0) throw new CsvError(line, 'a quote in the middle of an unquoted cell');
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvError(rowLine, 'a quoted cell is never closed');
  if (cell.length > 0 || cells.length > 0 || wasQuoted) endRow();
  return rows;
}
