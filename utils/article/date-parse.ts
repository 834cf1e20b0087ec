/**
 * Reads a date as publishers write it, in machine form (ISO 8601, Unix time, 20240512) or
 * visible form ("March 25, 2015 3:46 PM ET", "25 mars 2015", "30.04.2015 07:19",
 * "2015年4月30日", "3 мая 2024"), and returns ISO 8601 in UTC. A date without a zone is taken as UTC: the
 * difference is hours, and a story's day is what matters.
 */

import { MONTH_NAMES } from './month-names';

const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names.split(' ')) MONTHS.set(name, i + 1);
});

/** Zone abbreviations seen in datelines, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  et: -300,
  est: -300,
  edt: -240,
  ct: -360,
  cst: -360,
  cdt: -300,
  mt: -420,
  mst: -420,
  mdt: -360,
  pt: -480,
  pst: -480,
  pdt: -420,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};

const MONTH_WORD = '(\\p{L}{3,11})\\.?';
const TIME = '(\\d{1,2})[:h.](\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*([ap]\\.?\\s?m\\.?)?';
const ZONE = '\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}\\b|[a-z]{1,4}t)?';

const ISO = new RegExp(`(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[t\\s]+${TIME})?${ZONE}`, 'iu');
const SLASHED_YMD = /(\d{4})[/.](\d{1,2})[/.](\d{1,2})/u;
/** "2015年4月30日" (Chinese, Japanese) and "2026년 1월 29일" (Korean). */
const CJK = new RegExp(`(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일](?:\\D{0,6}?${TIME})?`, 'u');
const DAY_MONTH_YEAR = new RegExp(
  `(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?${MONTH_WORD},?\\s+(?:de\\s+)?(\\d{4})`,
  'iu',
);
/** Blog themes split the parts into boxes, which read "Dec 28 Sat 2013" as text. */
const WEEKDAY_BETWEEN =
  '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+)?';
const MONTH_DAY_YEAR = new RegExp(`${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${WEEKDAY_BETWEEN}(\\d{4})`, 'iu');
/** JavaScript's Date#toString and Unix `date`: "Fri Mar 13 21:30:09 EST 2015". */
const UNIX_STYLE = new RegExp(
  `${MONTH_WORD}\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+([a-z]{2,4}\\s+)?(\\d{4})`,
  'iu',
);
const NUMERIC = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/u;
const TIME_AFTER = new RegExp(`^\\D{0,12}?${TIME}${ZONE}`, 'iu');

export interface DateParseOptions {
  /** For 04/05/2015: true reads 4 May (most of the world), false reads April 5 (United States). */
  dayFirst?: boolean;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const z = zone.toLowerCase();
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/u.exec(z);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  return ZONES[z] ?? 0;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: string | undefined;
  minute?: string | undefined;
  second?: string | undefined;
  meridiem?: string | undefined;
  zone?: string | undefined;
}

function toIso(p: Parts): string | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  if (p.year < 1990 || p.year > new Date().getUTCFullYear() + 1) return null;
  let hour = Number(p.hour ?? 0);
  const minute = Number(p.minute ?? 0);
  const second = Number(p.second ?? 0);
  const meridiem = p.meridiem?.toLowerCase().replace(/[.\s]/gu, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(p.year, p.month - 1, p.day, hour, minute, second) - offsetMinutes(p.zone) * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/u, '');
  return MONTHS.get(w) ?? (w.length > 3 ? (MONTHS.get(w.slice(0, 3)) ?? null) : null);
}

function withTimeAfter(parts: Parts, rest: string): Parts {
  const t = TIME_AFTER.exec(rest);
  if (!t) return parts;
  return { ...parts, hour: t[1], minute: t[2], second: t[3], meridiem: t[4], zone: t[5] };
}

/** The first date in `text`, as ISO 8601 UTC, or null. */
export function parseDate(raw: string, options: DateParseOptions = {}): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (/^\d{10}(\d{3})?$/u.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const d = new Date(ms);
    return d.getUTCFullYear() >= 1990 ? d.toISOString() : null;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:t?(\d{2})(\d{2})(\d{2})?)?$/iu.exec(text);
  if (compact) {
    return toIso({
      year: Number(compact[1]),
      month: Number(compact[2]),
      day: Number(compact[3]),
      hour: compact[4],
      minute: compact[5],
      second: compact[6],
    });
  }
  const iso = ISO.exec(text);
  if (iso) {
    return toIso({
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: iso[4],
      minute: iso[5],
      second: iso[6],
      meridiem: iso[7],
      zone: iso[8],
    });
  }
  const cjk = CJK.exec(text);
  if (cjk) {
    return toIso({
      year: Number(cjk[1]),
      month: Number(cjk[2]),
      day: Number(cjk[3]),
      hour: cjk[4],
      minute: cjk[5],
      second: cjk[6],
    });
  }
  const slashed = SLASHED_YMD.exec(text);
  if (slashed) {
    const parts = { year: Number(slashed[1]), month: Number(slashed[2]), day: Number(slashed[3]) };
    return toIso(withTimeAfter(parts, text.slice(slashed.index + slashed[0].length)));
  }
  const unix = UNIX_STYLE.exec(text);
  const unixMonth = unix ? monthOf(unix[1] ?? '') : null;
  if (unix && unixMonth) {
    return toIso({
      year: Number(unix[7]),
      month: unixMonth,
      day: Number(unix[2]),
      hour: unix[3],
      minute: unix[4],
      second: unix[5],
      zone: unix[6]?.trim(),
    });
  }
  const candidates: Array<{ index: number; end: number; parts: Parts | null }> = [];
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = monthOf(dmy[2] ?? '');
    candidates.push({
      index: dmy.index,
      end: dmy.index + dmy[0].length,
      parts: month ? { year: Number(dmy[3]), month, day: Number(dmy[1]) } : null,
    });
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = monthOf(mdy[1] ?? '');
    candidates.push({
      index: mdy.index,
      end: mdy.index + mdy[0].length,
      parts: month ? { year: Number(mdy[3]), month, day: Number(mdy[2]) } : null,
    });
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const dayFirst = a > 12 ? true : b > 12 ? false : (options.dayFirst ?? true);
    candidates.push({
      index: numeric.index,
      end: numeric.index + numeric[0].length,
      parts: { year: Number(numeric[3]), month: dayFirst ? b : a, day: dayFirst ? a : b },
    });
  }
  candidates.sort((x, y) => x.index - y.index);
  for (const c of candidates) {
    if (!c.parts) continue;
    const iso = toIso(withTimeAfter(c.parts, text.slice(c.end)));
    if (iso) return iso;
  }
  return null;
}
