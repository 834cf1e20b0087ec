import { useState } from 'preact/hooks';
import { type DayRange, dayLabel, shortDayLabel } from '@/utils/dashboard/days';

export interface DayBarsProps {
  /** What the slider is for, e.g. "Day in Xiaomi’s timeline". */
  label: string;
  range: DayRange;
  perDay: readonly number[];
  businessPerDay: readonly number[];
  /** Index of the day whose stories are listed, if any. */
  selected: number | null;
  onSelect(index: number): void;
}

const count = (n: number, b: number) => `${n === 1 ? '1 story' : `${n} stories`}${n > 0 ? `, ${b} business news` : ''}`;

/** Near either edge the tip opens inwards, so it never leaves the chart. */
const tipSide = (at: number, days: number) =>
  at < days * 0.25 ? 'tip tip-right' : at > days * 0.75 ? 'tip tip-left' : 'tip';

/** Bars as one SVG path per series: a year of days is two DOM nodes, not 730. */
function barsPath(values: readonly number[], top: number): string {
  let d = '';
  values.forEach((v, i) => {
    if (v > 0) d += `M${i + 0.12} ${top}v${-v}h0.76v${v}z`;
  });
  return d;
}

/**
 * Stories per day as stacked bars (business news below, other news above). Pointer: hover shows
 * the day's count, a click lists its stories. Keyboard: the chart is a slider over the days
 * (arrows, Page Up/Down for weeks, Home/End), Enter or Space lists the stories, and the day
 * with its count is announced as the slider's value.
 */
export function DayBars({ label, range, perDay, businessPerDay, selected, onSelect }: DayBarsProps) {
  const days = perDay.length;
  const [active, setActive] = useState(selected ?? days - 1);
  const [showTip, setShowTip] = useState(false);
  const max = Math.max(1, ...perDay);
  const at = Math.min(Math.max(active, 0), days - 1);
  const text = `${dayLabel(range.first + at)}: ${count(perDay[at] ?? 0, businessPerDay[at] ?? 0)}`;

  const indexAt = (event: MouseEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (box.width <= 0) return at;
    return Math.min(days - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * days)));
  };
  const move = (index: number) => {
    setActive(Math.min(days - 1, Math.max(0, index)));
    setShowTip(true);
  };
  const keys: Record<string, () => void> = {
    ArrowLeft: () => move(at - 1),
    ArrowDown: () => move(at - 1),
    ArrowRight: () => move(at + 1),
    ArrowUp: () => move(at + 1),
    PageDown: () => move(at - 7),
    PageUp: () => move(at + 7),
    Home: () => move(0),
    End: () => move(days - 1),
    Enter: () => onSelect(at),
    ' ': () => onSelect(at),
  };

  return (
    <div class="day-bars">
      <div class="y-max" aria-hidden="true">
        {max}
      </div>
      <div
        class="plot"
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={days - 1}
        aria-valuenow={at}
        aria-valuetext={text}
        onMouseMove={(e) => move(indexAt(e))}
        onMouseLeave={() => setShowTip(false)}
        onFocus={() => setShowTip(true)}
        onBlur={() => setShowTip(false)}
        onClick={(e) => {
          const index = indexAt(e);
          setActive(index);
          onSelect(index);
        }}
        onKeyDown={(e) => {
          const action = keys[e.key];
          if (!action) return;
          e.preventDefault();
          action();
        }}
      >
        <svg viewBox={`0 0 ${days} ${max}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <path class="bar-other" d={barsPath(perDay, max)} />
          <path class="bar-business" d={barsPath(businessPerDay, max)} />
          {selected !== null && <rect class="bar-selected" x={selected} y={0} width={1} height={max} />}
          {showTip && <rect class="bar-active" x={at} y={0} width={1} height={max} />}
        </svg>
        {showTip && (
          <div class={tipSide(at, days)} style={{ left: `${((at + 0.5) / days) * 100}%` }} aria-hidden="true">
            {text}
          </div>
        )}
      </div>
      <div class="x-axis" aria-hidden="true">
        <span>{shortDayLabel(range.first)}</span>
        <span>{shortDayLabel(range.last)}</span>
      </div>
    </div>
  );
}
