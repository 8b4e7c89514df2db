import { areSynonyms } from './lexicon';

/**
 * Python difflib.SequenceMatcher(None, a, b).ratio(): 2·M / (|a|+|b|), M the characters in
 * matching blocks found by repeatedly taking the longest common substring (no junk heuristic,
 * which difflib only applies to strings of 200+ characters).
 */
export function sequenceRatio(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  return (2 * matchingChars(a, 0, a.length, b, 0, b.length)) / (a.length + b.length);
}

// One DP row reused across calls: names are short, so allocation dominated the cost.
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

function matchingChars(a: string, alo: number, ahi: number, b: string, blo: number, bhi: number): number {
  if (alo >= ahi || blo >= bhi) return 0;
  const width = bhi - blo + 1;
  if (prevRow.length < width) {
    prevRow = new Int32Array(width * 2);
    curRow = new Int32Array(width * 2);
  }
  let bestI = alo;
  let bestJ = blo;
  let bestSize = 0;
  // Longest common substring by dynamic programming over one row; leftmost-first like difflib.
  prevRow.fill(0, 0, width);
  for (let i = alo; i < ahi; i++) {
    curRow[0] = 0;
    const ch = a.charCodeAt(i);
    for (let j = blo; j < bhi; j++) {
      const k = ch === b.charCodeAt(j) ? prevRow[j - blo] + 1 : 0;
      curRow[j - blo + 1] = k;
      if (k > bestSize) {
        bestSize = k;
        bestI = i - k + 1;
        bestJ = j - k + 1;
      }
    }
    [prevRow, curRow] = [curRow, prevRow];
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchingChars(a, alo, bestI, b, blo, bestJ) +
    matchingChars(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi)
  );
}

/** Similarity of two words: equal, synonyms, abbreviation by prefix (`patho` ~ `pathologic`), or shared stem. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (areSynonyms(a, b)) return 0.85;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let lcp = 0;
  while (lcp < short.length && short[lcp] === long[lcp]) lcp++;
  if (lcp === short.length && lcp >= 3) return 0.7 + 0.2 * (short.length / long.length);
  if (lcp >= 4) return 0.4 + 0.5 * (lcp / long.length);
  return 0;
}

/**
 * Word similarities between the source's words and the target's, each computed once: names
 * reuse few words, so a match of 200 × 700 columns asks for the same pairs again and again.
 */
export class WordTable {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly rows = new Map<number, Float32Array>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  similarity(a: number, b: number): number {
    let row = this.rows.get(a);
    if (!row || row.length <= b) {
      const grown = new Float32Array(Math.max(this.words.length, b + 1)).fill(-1);
      if (row) grown.set(row);
      this.rows.set(a, (row = grown));
    }
    if (row[b] < 0) row[b] = wordSimilarity(this.words[a], this.words[b]);
    return row[b];
  }
}

/**
 * Soft Dice overlap of two word lists (as WordTable ids): each word counts by its weight (rarer
 * words weigh more) times its best similarity to a word on the other side. 1 for the same words
 * in any order.
 */
export function softDice(a: readonly number[], b: readonly number[], table: WordTable, weight: (id: number) => number): number {
  if (!a.length || !b.length) return 0;
  let matched = 0;
  let total = 0;
  for (const x of a) {
    let best = 0;
    for (const y of b) best = Math.max(best, table.similarity(x, y));
    matched += weight(x) * best;
    total += weight(x);
  }
  for (const y of b) {
    let best = 0;
    for (const x of a) best = Math.max(best, table.similarity(x, y));
    matched += weight(y) * best;
    total += weight(y);
  }
  return matched / total;
}

/** Dice coefficient of the character bigrams of two strings (sorted bigram codes, see `bigrams`). */
export function bigramDice(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

export function bigrams(text: string): Int32Array {
  const codes = new Int32Array(Math.max(0, text.length - 1));
  for (let i = 0; i < codes.length; i++) codes[i] = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
  return codes.sort();
}
