/** Names and wrappers shared by every exported file, so an import can tell what it was given. */

export const FILE_FORMAT = 'news-tracker';
export const FILE_VERSION = 1;

export type FileKind = 'companies' | 'stories';

export interface ExportFile<K extends FileKind, T> {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  kind: K;
  exportedAt: string;
  items: T[];
}

export function wrapExport<K extends FileKind, T>(kind: K, items: T[], now: number): ExportFile<K, T> {
  return { format: FILE_FORMAT, version: FILE_VERSION, kind, exportedAt: new Date(now).toISOString(), items };
}

/** `news-tracker-companies-2026-11-25.csv` */
export function exportFileName(kind: FileKind, extension: 'json' | 'csv', now: number): string {
  return `news-tracker-${kind}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}

/** Spreadsheet-friendly UTC time: Excel and LibreOffice read `2026-11-25 06:05:30` as a date. */
export function spreadsheetTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
