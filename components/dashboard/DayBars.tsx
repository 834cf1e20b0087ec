import { useState } from 'preact/hooks';
import { axisTicks, type Bin, binLabel } from '@/utils/dashboard/bins';

export interface DayBarsProps {
  /** What the slider is for, e.g. "Day in Xiaomi’s timeline". */
  label: string;
  /** The bars, oldest first: days, or weeks for longer periods (utils/dashboard/bins.ts). */
  bins: readonly Bin[];
  /** Index of the bar whose stories are listed, if any. */
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
 * Stories per day (or week) as stacked bars (business news below, other news above). Pointer:
 * hover shows the bar's count, a click lists its stories. Keyboard: the chart is a slider over
 * the bars (arrows, Page Up/Down for weeks or months, Home/End), Enter or Space lists the
 * stories, and the day or week with its count is announced as the slider's value.
 */
export function DayBars({ label, bins, selected, onSelect }: DayBarsProps) {
  const days = bins.length;
  const [active, setActive] = useState(selected ?? days - 1);
  const [showTip, setShowTip] = useState(false);
  const perDay = bins.map((b) => b.count);
  const max = Math.max(1, ...perDay);
  const at = Math.min(Math.max(active, 0), days - 1);
  const bin = bins[at] as Bin;
  const text = `${binLabel(bin)}: ${count(bin.count, bin.business)}`;
  const page = bin.first === bin.last ? 7 : 4;

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
    PageDown: () => move(at - page),
    PageUp: () => move(at + page),
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
          <path
            class="bar-business"
            d={barsPath(
              bins.map((b) => b.business),
              max,
            )}
          />
          {selected !== null && <rect class="bar-selected" x={selected} y={0} width={1} height={max} />}
          {showTip && <rect class="bar-active" x={at} y={0} width={1} height={max} />}
        </svg>
        {showTip && (
          <div class={tipSide(at, days)} style={{ left: `${((at + 0.5) / days) * 100}%` }} aria-hidden="true">
            {text}
          </div>
        )}
      </div>
      <Axis bins={bins} count={3} />
    </div>
  );
}

/**
 * Dates under the bars, each centred on its bar; the outer ones kept inside the chart. A
 * company's card is narrow: three dates fit there with their years, five on a wide chart.
 */
export function Axis({ bins, count = 5 }: { bins: readonly Pick<Bin, 'first' | 'last'>[]; count?: number }) {
  const ticks = axisTicks(bins, count);
  return (
    <div class="x-axis" aria-hidden="true">
      {ticks.map((tick, i) => (
        <span
          key={tick.day}
          class={i === 0 || i === ticks.length - 1 ? 'tick tick-edge' : 'tick'}
          style={i === 0 ? { left: 0 } : i === ticks.length - 1 ? { right: 0 } : { left: `${tick.at * 100}%` }}
        >
          {tick.label}
        </span>
      ))}
    </div>
  );
}
