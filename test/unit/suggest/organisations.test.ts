import { describe, expect, it } from 'vitest';
import { loadModel } from '@/utils/suggest/names';
import { suggestCompanies } from '@/utils/suggest/suggest';

// Written for these tests; the events are invented.
const model = await loadModel();
const names = (text: string, title?: string) =>
  suggestCompanies({ text, title }, model, { minStanding: 0 }).suggestions.map((s) => s.name);

describe('what the finder takes for one organisation', () => {
  it('reads a list joined by "and" as its companies when the text names one of them alone', () => {
    const text = [
      'Magna International Inc said on Monday it would buy a seat maker, putting it ahead of Johnson Controls Inc and Lear Corp.',
      'Magna, Johnson Controls and Lear have been working to build up their ability to supply whole interiors.',
    ].join('\n');
    const found = names(text);
    expect(found).toEqual(expect.arrayContaining(['Magna', 'Johnson Controls', 'Lear']));
    expect(found.filter((n) => n.includes(' and '))).toEqual([]);
  });

  it('reads a name put after "company" or "firm" as an organisation, and the same name after another word as it would', () => {
    const story = (word: string) =>
      `Investors put money into the automation ${word} Delaney on Monday. Delaney plans to hire engineers.`;
    expect(names(story('company'))).toEqual(['Delaney']);
    expect(names(story('firm'))).toEqual(['Delaney']);
    expect(names(story('expert'))).toEqual([]);
  });

  it('keeps a name with "and" whole when the text never names its parts alone', () => {
    const text =
      'The Securities and Exchange Commission said on Tuesday it would review the filing. The Securities and Exchange Commission declined to say more.';
    expect(names(text)).toContain('Securities and Exchange Commission');
  });

  it('never suggests a country, even where the words around it say organisation', () => {
    const text = 'Singapore said in a statement that it would appeal. Shares of Singapore Airlines Ltd rose 2 percent.';
    expect(names(text)).toEqual(['Singapore Airlines']);
    expect(names('Ireland beat Liechtenstein 5-0 on Saturday. Ireland said in a statement it was pleased.')).toEqual(
      [],
    );
  });
});

describe('products and works are not organisations', () => {
  it('leaves out a title written in quotation marks, and keeps the same name written plainly', () => {
    const quoted =
      'Nintendo Co Ltd said on Tuesday that "Star Lantern Run" would cost $10. Fans of "Star Lantern Run" can play a sample for free, and "Star Lantern Run," the studio said, sold well.';
    expect(names(quoted)).toContain('Nintendo');
    expect(names(quoted)).not.toContain('Star Lantern Run');
    const plain =
      'Nintendo Co Ltd said on Tuesday that Star Lantern Run Inc would make the game. Star Lantern Run said it was pleased.';
    expect(names(plain)).toContain('Star Lantern Run');
  });

  it('never suggests a product news names like a company, and keeps its maker', () => {
    const text =
      'Apple Inc said on Monday that iPhone sales rose. After scanning my face on an iPhone, I tried Android too, and Apple said it was pleased.';
    const found = names(text, 'Apple says iPhone sales rose');
    expect(found).toContain('Apple');
    for (const product of ['iPhone', 'Android']) expect(found).not.toContain(product);
  });

  it('leaves out a name that follows a price, and keeps the same name where it acts', () => {
    const priced =
      'Sony Group Corp said on Monday that the $1,000 Lumen Visor would ship in May. Buyers of the $1,000 Lumen Visor get a case.';
    expect(names(priced)).toContain('Sony Group');
    expect(names(priced)).not.toContain('Lumen Visor');
    const acting =
      'Sony Group Corp said on Monday that it would buy a stake in Lumen Visor. Shares of Lumen Visor rose 5 percent.';
    expect(names(acting)).toContain('Lumen Visor');
  });

  it('leaves out a name counted as a thing is ("a used ..."), and keeps the same name where it acts', () => {
    const counted =
      'Corvane Motor Co said on Monday that it would raise prices. The headset costs as much as a used Corvane Stratus.';
    expect(names(counted)).toContain('Corvane Motor');
    expect(names(counted)).not.toContain('Corvane Stratus');
    const acting =
      'Corvane Motor Co said on Monday that it would buy Corvane Stratus. Shares of Corvane Stratus rose. A Corvane Stratus spokesman declined to comment.';
    expect(names(acting)).toContain('Corvane Stratus');
  });

  it('leaves out a name ending in a word for a technical thing ("... API"), and keeps its maker', () => {
    const text =
      'Halvern Systems Inc has been slow to open a Halvern API to developers, Halvern Systems said on Tuesday. The Halvern API would let apps talk to its assistant.';
    const found = names(text);
    expect(found).toContain('Halvern Systems');
    expect(found).not.toContain('Halvern API');
  });
});
