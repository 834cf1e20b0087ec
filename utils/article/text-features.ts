/**
 * Words as the business text model sees them, shared by the extension (scoring) and the
 * training script (so a rebuilt model reads text exactly as the shipped one did): lower case,
 * possessives and plural "s" dropped, stop words of English and the glossary's languages left
 * out, money and percentages as tokens of their own, the business words of six other languages
 * read as their English word (the model learns mostly from English news), each word weighted
 * 1 + log(count) and the vector scaled to unit length so a headline and a long story score on
 * the same scale. Each word of two short lexicons also counts as one shared token: `<business>`
 * for the words that name a business subject in any news, `<other>` for those of crime, war,
 * elections, sport, entertainment and disasters. A publisher the model never saw still names
 * companies, tariffs or troops, and the shared tokens carry what such words have in common.
 * A model may also read neighbouring words as pairs ("west bank", "venture capital", "rare
 * earth"): the short-text model does, where two words are often all there is to go on.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers him ' +
    'his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their theirs them then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your yours said ' +
    'says say mr mrs ms one two three new year years told ' +
    // The common function words of the glossary's languages (and Slovak): most feed items in
    // those languages are sport and culture, so their articles and prepositions would otherwise
    // learn that a text in German or Portuguese is not business. Words English uses for
    // something else (son, man, door, war) are left out.
    'der die das den dem des ein eine einen einem einer eines und oder aber im am auf aus bei mit nach von vor ' +
    'zu zum zur für über unter um ist sind wird werden wurde hat haben soll sich nicht auch noch nur mehr als wie ' +
    'es er sie wir ihr sein seine ihre dass bis durch gegen ohne jetzt schon wieder doch kann neue neuen neues jahr ' +
    'le la les un une du de au aux et ou mais dans sur pour par avec sans est sont être ont été il elle ils nous ' +
    'vous ce cette ces qui que plus pas se sa ses leur el los las del al pero en por para sin ha han lo su sus ' +
    'más como una uno este esta gli della dello delle dei degli nel nella per tra fra è sono hanno che più non ' +
    'si anche os as da dos das na nos nas em um uma ao aos com é são foi tem mais não seu sua het een van op te ' +
    'voor met naar om uit aan wordt worden heeft hebben niet ook nog je na vo zo aj pre po od'
  ).split(' '),
);

/**
 * Business words (and a few that mark other news) of German, French, Spanish, Italian,
 * Portuguese and Dutch, read as the English word the model has weights for: a glossary, not
 * training data, so "Quartalszahlen" or "lucro" count as "quarter" and "profit" do. A form
 * ending in "*" also stands for every longer word it begins (German compounds: "aktienkurs",
 * "umsatzprognose"); forms another language uses for something else are listed whole.
 */
const GLOSSARY: Record<string, string> = {
  economy: 'wirtschaft* konjunktur* ökonomie économie economía economia economie ekonomik* hospodárst*',
  economic: 'économique económico económica economico economica econômico econômica economisch*',
  market: 'markt märkte marktes marché marchés mercado mercados mercato mercati',
  stock: 'börse* boerse* bourse bolsa bolsas borsa beurs dax',
  share: 'aktie* ações acções azioni aandeel aandelen',
  shareholder: 'aktionär* actionnaire* accionista* azionist* acionista* aandeelhouder*',
  company:
    'unternehmen konzern* firma firmen entreprise* société sociétés empresa empresas compañía azienda aziende ' +
    'società impresa imprese companhia bedrijf bedrijven onderneming*',
  profit:
    'gewinn gewinne gewinns gewinnwarnung* bénéfice* beneficio beneficios ganancia* utile utili profitto lucro lucros winst',
  loss: 'verlust* perte pertes pérdida* perdita perdite prejuízo* verlies',
  sale:
    'umsatz* *umsatz erlös* verkauf verkäufe ventes ventas ingresos facturación ricavi fatturato vendite receita* ' +
    'venda vendas faturação omzet',
  quarter: 'quartal* *quartal trimestre* trimestral* kwartaal*',
  bank: 'banken zentralbank* notenbank* bundesbank ezb banque banques banco bancos banca banche',
  interest: 'zins zinsen leitzins* zinssatz* taux juros tipos rente',
  inflation: 'inflación inflazione inflação inflatie teuerung inflácia',
  price: 'preis preise preisen *preise prix precio precios prezzo prezzi preço preços prijs prijzen ceny',
  investment: 'investition* investissement* inversión inversiones investimento* investering*',
  investor: 'investoren geldgeber investisseur* inversor* investitor* investidor* belegger*',
  funding: 'finanzierungsrunde* investitionsrunde* investionsrunde*',
  takeover: 'übernahme* rachat fusionen fusión fusione fusão adquisición acquisizione aquisição overname*',
  unemployment: 'arbeitslos* chômage desempleo paro disoccupazione desemprego werkloos*',
  job: 'arbeitsplätze stellenabbau emplois empleo empleos occupazione emprego empregos banen',
  tax: 'steuer steuern impôt impôts impuesto impuestos imposta imposte tasse imposto impostos belasting*',
  budget: 'haushalt* presupuesto* bilancio orçamento* begroting*',
  debt: 'schulden dette deuda* debito debiti dívida* schuld',
  growth: 'wachstum* croissance crecimiento crescita crescimento groei rastu',
  trade: 'handel außenhandel* commerce comercio commercio comércio',
  tariff: 'zoll zölle *zölle strafzöll* douane* arancel* dazi dazio tarifas tarieven clá',
  export: 'exporte exporten exportation* exportacion* esportazion* exportaç*',
  industry: 'industrie* *industrie branche industria* indústria* priemysel*',
  strike: 'streik* grève* huelga* sciopero* greve*',
  billion: 'milliarde milliarden mrd milliard milliards miliardi miliardo bilhões bilhão miljard*',
  million: 'millionen millones milioni milhões milhão miljoen*',
  chief: 'konzernchef* vorstandschef* firmenchef* pdg',
  executive: 'vorstand* dirigeant* directivo* dirigente*',
  consumer: 'verbraucher* konsumenten consommateur* consumidor* consumator*',
  credit: 'kredit* crédit crédito* credito',
  mortgage: 'hypothek* hypothèque* hipoteca* mutuo mutui',
  oil: 'erdöl* ölpreis* pétrole petróleo petrolio',
  energy: 'energie* énergie energía energia',
  bankruptcy: 'insolvenz* pleite faillite quiebra fallimento falência faillissement*',
  forecast: 'prognose* prévision* previsión* previsioni previsão',
  analyst: 'analysten analyste* analista analistas analisti analytici',
  manufacturer: 'hersteller fabricant* fabricante* produttore produttori fabrikant*',
  demand: 'nachfrage demande demanda domanda vraag',
  regulator: 'aufsicht* kartellamt* bundesnetzagentur régulateur* regulador* autorità',
  fine: 'bußgeld* geldstrafe* amende amendes multa multas',
  football: 'fußball* fussball* futebol fútbol calcio voetbal',
  match: 'spiel spiele partie partido partita jogo wedstrijd',
  club: 'verein klub clube',
  coach: 'trainer entraîneur entrenador allenatore treinador',
  election: 'wahl wahlen wahlkampf* élection* elección* elezion* eleição* eleições verkiezing*',
  government: 'regierung* gouvernement gobierno governo regering',
  minister: 'ministro ministre ministerin',
  war: 'krieg* guerre guerra oorlog',
  police: 'polizei polícia policía polizia politie',
  film: 'kino filme',
  music: 'musik musique música musica muziek',
};

const WHOLE_WORDS = new Map<string, string>();
/** Longest first, so "zinssatz" is read before "zins". */
const WORD_STARTS: Array<[string, string]> = [];
/** German compounds end in their head word, which says what they are: "Energiepreise" are prices. */
const WORD_ENDS: Array<[string, string]> = [];
for (const [english, forms] of Object.entries(GLOSSARY)) {
  for (const form of forms.split(' ')) {
    if (form.startsWith('*')) WORD_ENDS.push([form.slice(1), english]);
    else if (form.endsWith('*')) WORD_STARTS.push([form.slice(0, -1), english]);
    else WHOLE_WORDS.set(form, english);
  }
}
WORD_STARTS.sort((a, b) => b[0].length - a[0].length);

function inEnglish(word: string): string | undefined {
  return (
    WHOLE_WORDS.get(word) ??
    WORD_ENDS.find(([end]) => word.length > end.length && word.endsWith(end))?.[1] ??
    WORD_STARTS.find(([start]) => word.startsWith(start))?.[1]
  );
}

/**
 * Words (as `modelTokens` gives them, so in the glossary's languages too) that name a business
 * subject in almost any news item. Words that also name other things are left out: a bank (the
 * West Bank), a market (a market in a war zone), a strike (a missile strike), a fine, a rate,
 * capital, shares as a verb, trade in sport, billions in aid.
 */
const BUSINESS_LEXICON = new Set(
  (
    'business company companie firm corporation startup ceo shareholder investor investment takeover merger ' +
    'acquisition ipo valuation bankrupt bankruptcy profit revenue earning sale stock bond currency inflation price ' +
    'mortgage housing economy economic economist recession gdp tariff export import budget tax debt deficit subsidy ' +
    'subsidie unemployment wage layoff industry manufacturer retailer supplier factory regulator antitrust analyst ' +
    'financial finance commodity'
  ).split(' '),
);
/** The same for the news that is not business. */
const OTHER_LEXICON = new Set(
  (
    'police killed murder arrested troop soldier military army election vote voter football goal league coach ' +
    'player striker film album singer actor festival hospital patient storm flood earthquake crash protest protester ' +
    'war ceasefire'
  ).split(' '),
);

/** How much of a long story the model reads: the lead carries the topic. */
export const MAX_MODEL_CHARS = 6000;

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** The model's tokens for a text, in order (repeats kept). */
export function modelTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.slice(0, MAX_MODEL_CHARS).toLowerCase();
  for (const match of lower.matchAll(/[$£€¥]\s?\d|\d%|\d\s?(?:percent|per cent)|\p{L}[\p{L}'’]*/gu)) {
    const raw = match[0];
    if (/^[$£€¥]/u.test(raw)) tokens.push('<money>');
    else if (/^\d/u.test(raw)) tokens.push('<percent>');
    else {
      const word = raw.replace(/['’]s?$/u, '').replace(/['’]/gu, '');
      if (word.length < 2 || STOP_WORDS.has(word)) continue;
      tokens.push(inEnglish(word) ?? stem(word));
    }
  }
  return tokens;
}

/** How much the word pairs weigh beside the words (whose vector has unit length). */
const PAIR_WEIGHT = 0.7;

/**
 * Unit-length 1 + log(count) weights per token; with `pairs`, each pair of neighbouring tokens
 * ("west_bank") too, their weights scaled to the same total however many pairs a text has.
 */
export function featureVector(title: string, text: string, pairs = false): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = modelTokens(`${title}\n${text}`);
  for (const token of tokens) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
    const shared = BUSINESS_LEXICON.has(token) ? '<business>' : OTHER_LEXICON.has(token) ? '<other>' : undefined;
    if (shared) counts.set(shared, (counts.get(shared) ?? 0) + 1);
  }
  let norm = 0;
  for (const [token, count] of counts) {
    const weight = 1 + Math.log(count);
    counts.set(token, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [token, weight] of counts) counts.set(token, weight / norm);
  if (pairs) addPairs(counts, tokens);
  return counts;
}

function addPairs(vector: Map<string, number>, tokens: readonly string[]): void {
  const pairCounts = new Map<string, number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const pair = `${tokens[i]}_${tokens[i + 1]}`;
    pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
  }
  const scale = PAIR_WEIGHT / Math.sqrt(pairCounts.size || 1);
  for (const [pair, count] of pairCounts) vector.set(pair, (1 + Math.log(count)) * scale);
}
