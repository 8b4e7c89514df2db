import { areSynonyms } from './lexicon';
import { bigramDice, bigrams, sequenceRatio, softDice, wordSimilarity, WordTable } from './string-similarity';
import { tokenize } from './tokenize';

describe('sequenceRatio', () => {
  it('equals Python difflib.SequenceMatcher ratio', () => {
    expect(sequenceRatio('abcd', 'bcde')).toBeCloseTo(0.75, 10);
    expect(sequenceRatio('period_start', 'billing_period_start')).toBeCloseTo(0.75, 10);
    expect(sequenceRatio('amount', 'cost_usd')).toBeCloseTo(0.2857142857, 8);
    expect(sequenceRatio('lineitem/usageamount', 'consumedquantity')).toBeCloseTo(0.2222222222, 8);
    expect(sequenceRatio('', '')).toBe(1);
  });
});

describe('word meaning (offline synonyms)', () => {
  it('knows schema vocabulary', () => {
    expect(areSynonyms('amount', 'cost')).toBe(true);
    expect(areSynonyms('usage', 'consumed')).toBe(true);
    expect(areSynonyms('gender', 'sex')).toBe(true);
    expect(areSynonyms('cost', 'region')).toBe(false);
    expect(areSynonyms('unknownword', 'cost')).toBe(false);
  });

  it('scores equal > synonym > abbreviation prefix > unrelated', () => {
    expect(wordSimilarity('cost', 'cost')).toBe(1);
    expect(wordSimilarity('amount', 'cost')).toBeCloseTo(0.85);
    const prefix = wordSimilarity('patho', 'pathologic');
    expect(prefix).toBeGreaterThan(0.7);
    expect(prefix).toBeLessThan(0.85);
    expect(wordSimilarity('region', 'amount')).toBe(0);
  });
});

describe('softDice', () => {
  const table = new WordTable();
  const ids = (name: string) => tokenize(name).map((w) => table.id(w));
  const flat = () => 1;

  it('is 1 for the same words in any order and 0 for unrelated names', () => {
    expect(softDice(ids('period_start'), ids('StartPeriod'), table, flat)).toBe(1);
    expect(softDice(ids('region'), ids('amount'), table, flat)).toBe(0);
  });

  it('lets rare words count more', () => {
    const a = ids('line_item_cost');
    const b = ids('line_item_region');
    const common = new Set(ids('line_item'));
    const rareWeighted = softDice(a, b, table, (w) => (common.has(w) ? 0.1 : 1));
    expect(rareWeighted).toBeLessThan(softDice(a, b, table, flat));
  });
});

describe('bigramDice', () => {
  it('catches compounds written apart', () => {
    expect(bigramDice(bigrams('followup'), bigrams('followup'))).toBe(1);
    expect(bigramDice(bigrams('lostfollowup'), bigrams('losttofollowup'))).toBeGreaterThan(0.8);
    expect(bigramDice(bigrams('abc'), bigrams('xyz'))).toBe(0);
  });
});
