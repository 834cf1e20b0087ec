/**
 * Dates as feeds write them. RFC 822 (`pubDate`) is read here, with the liberties real feeds
 * take: two-digit years, a time without colons ("1500 GMT"), named zones, extra spaces. Every
 * other form (ISO 8601 in Atom and JSON Feed, `2016/9/21 10:00`, month names in other
 * languages, Unix time) goes to the page-date reader the article extractor uses.
 */
import { parseDate } from '../article/date-parse';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Minutes east of UTC for the zone names RFC 822 allows and feeds use. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
const RFC_822 =
  /^(?:[^\d,]*,)?\s*(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):?(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}|[+-]\d{4})?\s*$/iu;

function zoneMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2})(\d{2})$/u.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toLowerCase()] ?? 0;
}

function fromRfc822(text: string): number | null {
  const m = RFC_822.exec(text);
  const month = m ? MONTHS.indexOf((m[2] as string).toLowerCase()) : -1;
  if (!m || month < 0) return null;
  let year = Number(m[3]);
  if ((m[3] as string).length === 2) year += year < 50 ? 2000 : 1900;
  const [day, hour, minute, second] = [m[1], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return Date.UTC(year, month, day, hour, minute, second) - zoneMinutes(m[7]) * 60_000;
}

/** Milliseconds since 1970 for a feed's date text, or null when it is not a date. */
export function parseFeedDate(raw: string | undefined | null): number | null {
  const text = raw?.trim();
  if (!text) return null;
  const rfc = fromRfc822(text);
  if (rfc !== null) return rfc;
  const iso = parseDate(text);
  return iso ? Date.parse(iso) : null;
}
