/** Figures printed by `npm run bench` and written to bench-results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number } | null;
  /** Set when a run was stopped at a time limit, so the value is a lower bound. */
  capped?: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function formatFigure(f: Figure): string {
  const value = `${round(f.value)} ${f.unit}${f.capped ? ' (capped)' : ''}`;
  const baseline = f.baseline ? `${f.baseline.name}: ${round(f.baseline.value)} ${f.unit}` : '';
  return `${f.name.padEnd(48)} ${value.padEnd(22)} ${baseline}`;
}

function round(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}
