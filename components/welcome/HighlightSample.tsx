import { ENTITY_COLORS, type TrackedEntity } from '@/utils/entities';
import { WelcomeStep } from './WelcomeStep';

const SAMPLE_COMPANIES = ['Nvidia', 'Microsoft', 'Apple'] as const;
type SampleCompany = (typeof SAMPLE_COMPANIES)[number];

/**
 * The sample's colour for each of its companies: the person's own where they track it, so the
 * sample matches their list; otherwise a palette colour none of the others shows.
 */
export function sampleColors(tracked: readonly TrackedEntity[]): Record<SampleCompany, string> {
  const own = SAMPLE_COMPANIES.map((name) => tracked.find((e) => e.name.toLowerCase() === name.toLowerCase())?.color);
  const spare = ENTITY_COLORS.filter((c) => !own.includes(c));
  const colors = SAMPLE_COMPANIES.map((name, i) => [name, own[i] ?? spare.shift() ?? ENTITY_COLORS[0]]);
  return Object.fromEntries(colors) as Record<SampleCompany, string>;
}

/** A mention as the content script paints it: the company's colour behind black text. */
function Mention({ color, children }: { color: string; children: string }) {
  return (
    <mark class="sample-mention" style={{ background: color }}>
      {children}
    </mark>
  );
}

/** How highlights look, on a made-up paragraph with three companies tracked. */
export function HighlightSample({ tracked }: { tracked: readonly TrackedEntity[] }) {
  const colors = sampleColors(tracked);
  return (
    <WelcomeStep step={2} id="sample-heading" title="Read the news as you always do">
      <p>
        On a news article, every mention of a company you track is marked in that company’s colour, and the story goes
        into your log. The number on the toolbar button says how many of your companies the page mentions.
      </p>
      <figure class="sample-article">
        <p class="sample-source">The Example Herald · Markets</p>
        <p class="sample-headline">Chip makers rally after a strong forecast</p>
        <p>
          Shares of <Mention color={colors.Nvidia}>Nvidia</Mention> rose 6% on Wednesday after the company raised its
          sales forecast, lifting suppliers across Asia. <Mention color={colors.Microsoft}>Microsoft</Mention> and{' '}
          <Mention color={colors.Apple}>Apple</Mention> both said they would spend more on data centres this year.
        </p>
        <figcaption class="muted">
          A made-up paragraph, as it looks with Nvidia, Microsoft and Apple tracked.
        </figcaption>
      </figure>
    </WelcomeStep>
  );
}
