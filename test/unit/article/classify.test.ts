import { describe, expect, it } from 'vitest';
import { BUSINESS_MODEL } from '@/utils/article/business-model';
import { BUSINESS_SHORT_MODEL } from '@/utils/article/business-short-model';
import { classifyBusiness } from '@/utils/article/classify';
import { extractStory } from '@/utils/article/extract';
import { createTextModel } from '@/utils/article/text-model';
import { loadFixture } from './load';

const sportText =
  'The home side came from two goals down to win 3-2 in the final minute, with the captain scoring twice ' +
  'after the break. The coach praised the players for their fitness and said the team would go into the ' +
  'derby next weekend full of confidence, with the league title still within reach.';
const earningsText =
  'Quarterly profits at the retailer rose 12% to $1.3bn as sales grew in every region. Shares climbed 5% ' +
  'in early trading after the company raised its forecast for the full year and announced a $500m share ' +
  'buyback. Analysts said the results beat expectations despite higher costs for wages and energy.';

describe('classifyBusiness', () => {
  it('calls an extracted business story business, naming the section, the address and the text', () => {
    const story = extractStory(
      loadFixture('news-jsonld.html'),
      'https://ledger.example/business/2025/03/18/harbour-freight-coastline-takeover',
    );
    const verdict = classifyBusiness(story);
    expect(verdict.isBusiness).toBe(true);
    expect(verdict.score).toBeGreaterThan(0.9);
    expect(verdict.reasons.join('; ')).toMatch(/section "Business"/);
    expect(verdict.reasons.join('; ')).toMatch(/address \/business\//);
    expect(verdict.reasons.join('; ')).toMatch(/text model/);
  });

  it('reads business from the text alone', () => {
    const verdict = classifyBusiness({ title: 'Retailer lifts forecast after profits jump', text: earningsText });
    expect(verdict.isBusiness).toBe(true);
    expect(verdict.reasons.join(' ')).toMatch(/profit|share/);
  });

  it('calls a sports report not business (negative control)', () => {
    const verdict = classifyBusiness({ title: 'Late double seals comeback win', text: sportText });
    expect(verdict.isBusiness).toBe(false);
    expect(verdict.score).toBeLessThan(0.5);
  });

  it('works on a headline and lead alone', () => {
    expect(classifyBusiness({ title: 'Bank raises interest rates to curb inflation', text: '' }).isBusiness).toBe(true);
    expect(classifyBusiness({ title: 'Striker signs new three-year contract with club', text: '' }).isBusiness).toBe(
      false,
    );
  });

  it('lets the publisher’s business section outweigh a text that reads otherwise', () => {
    const verdict = classifyBusiness({
      title: 'Late double seals comeback win',
      text: sportText,
      section: 'Business',
      canonicalUrl: 'https://paper.example/business/club-finances',
    });
    expect(verdict.isBusiness).toBe(true);
  });

  it('reads business sections in other languages', () => {
    const verdict = classifyBusiness({
      title: 'Stadtwerke senken die Strompreise',
      text: 'Die Stadtwerke senken zum ersten Januar die Preise.',
      section: 'Wirtschaft',
    });
    expect(verdict.reasons[0]).toBe('section "Wirtschaft"');
  });

  it('ships a trained model of a few tens of kilobytes, with its data source named', () => {
    const size = JSON.stringify(BUSINESS_MODEL).length;
    expect(size).toBeGreaterThan(5_000);
    expect(size).toBeLessThan(40_000);
    expect(BUSINESS_MODEL.source).toMatch(/BBC/);
  });

  it('ships a short-text model for feed items that reads word pairs and stays under 100 KB', () => {
    const size = JSON.stringify(BUSINESS_SHORT_MODEL).length;
    expect(size).toBeGreaterThan(5_000);
    expect(size).toBeLessThan(100_000);
    expect(BUSINESS_SHORT_MODEL.pairs).toBe(true);
    expect(BUSINESS_SHORT_MODEL.source).toMatch(/BBC.*feed items/);
  });

  it('reads a place name that contains a business word as the place, with the short-text model', () => {
    const shortModel = createTextModel(BUSINESS_SHORT_MODEL);
    const story = { title: 'Israel moves to claim West Bank land', text: 'Settlers and soldiers entered the village.' };
    expect(classifyBusiness(story, shortModel).isBusiness).toBe(false);
    const bank = { title: 'Bank lifts profit forecast', text: 'The lender expects higher interest income.' };
    expect(classifyBusiness(bank, shortModel).isBusiness).toBe(true);
  });

  it('reads a sale of a company as business with the short-text model, though one of its words is mostly seen in other news', () => {
    const sale = { title: 'Hospital chain to be sold', text: 'The buyer is a private equity firm.' };
    expect(classifyBusiness(sale, createTextModel(BUSINESS_SHORT_MODEL)).isBusiness).toBe(true);
    const { floor: _, ...unfloored } = BUSINESS_SHORT_MODEL;
    expect(classifyBusiness(sale, createTextModel(unfloored)).isBusiness).toBe(false);
    const sport = { title: 'Striker scores twice in cup final', text: 'The home side won 3-1.' };
    expect(classifyBusiness(sport, createTextModel(BUSINESS_SHORT_MODEL)).isBusiness).toBe(false);
  });
});
