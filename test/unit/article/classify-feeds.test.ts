import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBusiness } from '@/utils/article/classify';
import { CORPORA, HAVE_CORPORA } from '../../support/corpora';
import { FEED_LABELS_FILE, readLabelledFeedItems } from '../../support/feed-business';

function isBusiness(title: string, text: string): boolean {
  return classifyBusiness({ title, text }).isBusiness;
}

describe('classifyBusiness on feed items (a headline and a sentence or two)', () => {
  it('reads business in German and Portuguese headlines, through the words the model learnt in English', () => {
    expect(
      isBusiness(
        'Quartalszahlen: Autobauer steigert Gewinn und Umsatz',
        'Der Konzern verdiente im dritten Quartal mehr als erwartet, die Aktie legte an der Börse zu.',
      ),
    ).toBe(true);
    expect(
      isBusiness(
        'Lucro do banco sobe 12% no trimestre',
        'O banco registou um lucro de 300 milhões de euros, acima das previsões dos analistas.',
      ),
    ).toBe(true);
  });

  it('reads German compounds and verbs of business, and Slovak economic news, as business', () => {
    expect(
      isBusiness(
        'Chiphersteller meldet Rekordquartal',
        'Starke Nachfrage nach Prozessoren lässt Umsatz und Gewinne steigen.',
      ),
    ).toBe(true);
    expect(
      isBusiness(
        'Softwarekonzern übernimmt Cloud-Anbieter für 4 Milliarden Euro',
        'Die Aktionäre müssen dem Kauf noch zustimmen.',
      ),
    ).toBe(true);
    expect(isBusiness('Analytici zvýšili odhad rastu ekonomiky', 'Banka očakáva nižšiu infláciu.')).toBe(true);
  });

  it('leaves German sport and politics out (negative control)', () => {
    expect(
      isBusiness(
        'Trainer verlängert Vertrag beim Verein',
        'Der Verein gewann am Samstag das Spiel gegen den Tabellenführer mit 2:1.',
      ),
    ).toBe(false);
    expect(
      isBusiness(
        'Regierung und Opposition streiten über die Wahl',
        'Die Polizei meldete am Abend Zusammenstöße in der Hauptstadt.',
      ),
    ).toBe(false);
  });

  it('does not take world news for business, though it names markets, money or uncertainty', () => {
    expect(
      isBusiness(
        'Parliament votes to remove interim president over corruption allegations',
        'Lawmakers voted to oust the president months before national elections, deepening political uncertainty.',
      ),
    ).toBe(false);
    expect(
      isBusiness(
        'Drone strike on crowded market kills dozens, rights group says',
        'The attack hit the town as the army and rebel forces fought for control of the region.',
      ),
    ).toBe(false);
  });

  it('still calls trade and funding news business (positive control)', () => {
    expect(
      isBusiness(
        'Government imposes new tariffs on steel imports',
        'Exporters warned the duties would raise prices for carmakers.',
      ),
    ).toBe(true);
    expect(
      isBusiness('Media group rejects rival’s takeover bid', 'The board said the offer undervalued the company.'),
    ).toBe(true);
    expect(
      isBusiness(
        'Startup raises $40m to expand its payments platform',
        'The funding round was led by two venture capital firms.',
      ),
    ).toBe(true);
  });
});

describe.skipIf(!HAVE_CORPORA)('the labelled feed items the model is trained and evaluated on', () => {
  it('are all found in the shared feeds as the extension reads them, from many publishers, both kinds', () => {
    const set = readLabelledFeedItems(CORPORA);
    expect(set).not.toBeNull();
    expect(set?.missing).toBe(0);
    const items = set?.items ?? [];
    expect(items.length).toBeGreaterThan(1000);
    expect(new Set(items.map((item) => item.publisher)).size).toBeGreaterThan(40);
    expect(items.filter((item) => item.business).length).toBeGreaterThan(150);
    expect(items.every((item) => item.title.length > 0 && item.publisher.length > 0)).toBe(true);
  });

  it('counts a labelled item the feeds no longer have as missing (negative control)', () => {
    const labels = JSON.parse(readFileSync(FEED_LABELS_FILE, 'utf8')) as {
      feeds: Record<string, { business: string[] }>;
    };
    const [first] = Object.values(labels.feeds);
    first?.business.push('https://nowhere.example/not-in-the-feed');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'labels-')), 'labels.json');
    writeFileSync(file, JSON.stringify(labels));
    expect(readLabelledFeedItems(CORPORA, file)?.missing).toBe(1);
  });
});
