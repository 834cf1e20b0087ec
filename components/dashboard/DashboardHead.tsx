import { PERIODS, type Period } from '@/utils/dashboard/days';
import { BrandMark } from '../BrandMark';

export interface DashboardHeadProps {
  period: Period;
  onPeriod(period: Period): void;
  /** The watchlists the companies belong to; the choice is shown only when there are some. */
  watchlists: readonly string[];
  watchlist: string | null;
  onWatchlist(watchlist: string | null): void;
}

/** The page's title, and what it counts: the period and the companies compared. */
export function DashboardHead({ period, onPeriod, watchlists, watchlist, onWatchlist }: DashboardHeadProps) {
  return (
    <header class="dash-head">
      <div>
        <h1 class="brand">
          <BrandMark size={32} />
          News Tracker dashboard
        </h1>
        <p class="muted">Counted on this device from the stories you read. Nothing is sent anywhere.</p>
      </div>
      <div class="dash-controls no-print">
        <fieldset class="chip-row period">
          <legend>Period</legend>
          {PERIODS.map((days) => (
            <button
              key={days}
              type="button"
              class="chip-button"
              aria-pressed={period === days}
              onClick={() => onPeriod(days)}
            >
              {days} days
            </button>
          ))}
        </fieldset>
        {watchlists.length > 0 && (
          <span class="inline-field">
            <label for="dashboard-companies">Companies</label>
            <select
              id="dashboard-companies"
              value={watchlist ?? ''}
              onChange={(e) => onWatchlist(e.currentTarget.value === '' ? null : e.currentTarget.value)}
            >
              <option value="">All tracked companies</option>
              {watchlists.map((name) => (
                <option key={name} value={name}>
                  Watchlist: {name}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
    </header>
  );
}

/** Links to the page's sections. */
export function DashboardNav() {
  return (
    <nav class="dash-nav no-print" aria-label="Dashboard sections">
      <a href="#timeline-heading">Timeline</a>
      <a href="#voice-heading">Share of voice</a>
      <a href="#publishers-heading">Top publishers</a>
      <a href="#together-heading">Mentioned together</a>
      <a href="#stories-heading">Stories</a>
      <a href="#digest-heading">Weekly digest</a>
    </nav>
  );
}
