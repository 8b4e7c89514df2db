import { assignGreedy, ScoredPair } from './assignment';
import { calibrate, CalibrationFeatures } from './calibration';
import {
  Candidate,
  ColumnMatch,
  Evidence,
  MatchOptions,
  MatchResult,
  MemoryHint,
  SourceColumn,
  TargetField,
} from './matcher.types';
import { bigramDice, bigrams, softDice, WordTable } from './string-similarity';
import { tokenize } from './tokenize';
import { Kind, toKind, typeCompatibility } from './type-compat';
import { profileValues, ValueProfile } from './value-profile';
import { ValueIndex } from './value-overlap';

// Weights of the signals in the raw score (one set for every case; the calibration turns the
// ranking's features into a probability).
const W = { name: 0.6, description: 0.1, value: 0.4, valueMiss: 0.1, type: 0.2, memory: 0.5 };
// A pair the one-to-one assignment gave to another source column drops behind the free ones.
const TAKEN_PENALTY = 0.1;
const ASSIGN_MIN_SCORE = 0.3;
// No shared value counts against a pair only when the target lists enough values to be a real
// sample, not a few illustrations.
const MISS_MIN_VALUES = 3;
// Candidates scoring within this margin of one another are near ties (the calibration's `rivals`).
const RIVAL_MARGIN = 0.05;

interface Ranked {
  j: number;
  score: number;
}

interface Name {
  words: number[];
  joined: string;
  grams: Int32Array;
}

interface Side extends Name {
  name: string;
  kind: Kind;
  values: ValueProfile;
}

interface PreparedTarget extends Side {
  field: TargetField;
  synonyms: Name[];
  descriptionWords: number[];
}

type Weight = (word: number) => number;

/** A candidate before calibration: its raw score, the evidence behind it and the calibration's features. */
export interface ScoredCandidate {
  target: string;
  score: number;
  evidence: Evidence;
  features: CalibrationFeatures;
}

export interface ScoredColumn {
  source: string;
  candidates: ScoredCandidate[];
}

/**
 * Ranks, for every source column, the target fields it most likely maps to, each with a
 * calibrated confidence and the evidence behind it. Pure: all inputs come from the caller.
 */
export async function matchColumns(
  source: readonly SourceColumn[],
  target: readonly TargetField[],
  options: MatchOptions = {},
): Promise<MatchResult> {
  const columns = await scoreColumns(source, target, options);
  return {
    columns: columns.map((c) => ({
      source: c.source,
      candidates: c.candidates.map((k): Candidate => ({ target: k.target, confidence: round(calibrate(k.features)), evidence: roundEvidence(k.evidence) })),
    })),
  };
}

/** matchColumns before calibration: the ranked candidates with their raw scores and calibration features. */
export async function scoreColumns(
  source: readonly SourceColumn[],
  target: readonly TargetField[],
  options: MatchOptions = {},
): Promise<ScoredColumn[]> {
  const top = options.top ?? 10;
  const table = new WordTable();
  const sources = source.map((c) => prepareSide(table, c.name, c.samples, c.type));
  const targets = target.map((t) => prepareTarget(table, t));
  const weight = wordWeights([...sources.map((s) => s.words), ...targets.map((t) => t.words)]);
  const memory = indexMemory(options.memory ?? []);

  const values = new ValueIndex(targets.map((t) => t.values));
  const evidence: Evidence[][] = sources.map((s) => {
    const overlaps = values.overlaps(s.values);
    return targets.map((t, j) => scorePair(table, s, t, overlaps[j], weight, memory));
  });
  const ranking = evidence.map((row) => row.map((e) => e.score));

  if (options.oneToOne) applyAssignment(evidence, ranking);

  const columns: ScoredColumn[] = [];
  for (let i = 0; i < sources.length; i++) {
    let order = ranking[i].map((score, j) => ({ j, score })).sort((a, b) => b.score - a.score);
    if (options.llm) order = await rerank(options, source[i], targets, evidence[i], order);
    const bestValue = Math.max(0, ...evidence[i].map((e) => e.valueOverlap ?? 0));
    const candidates = order.slice(0, top).map(({ j, score }, rank): ScoredCandidate => {
      const e = evidence[i][j];
      const rival = rank === 0 ? (order[1]?.score ?? 0) : order[0].score;
      const features: CalibrationFeatures = {
        lexical: Math.max(e.name, e.synonym),
        gap: score - rival,
        rivals: Math.log1p(order.filter((o) => o.score >= score - RIVAL_MARGIN).length - 1),
        values: e.valueOverlap === null ? 0 : 1,
        valueBest: bestValue > 0 && e.valueOverlap === bestValue ? 1 : 0,
      };
      return { target: targets[j].field.name, score, evidence: e, features };
    });
    columns.push({ source: source[i].name, candidates });
  }
  return columns;
}

function prepareName(table: WordTable, text: string): Name {
  const words = tokenize(text);
  const joined = words.join('');
  return { words: words.map((w) => table.id(w)), joined, grams: bigrams(joined) };
}

function prepareSide(table: WordTable, name: string, samples: readonly string[] | undefined, type: string | undefined): Side {
  const values = profileValues(samples);
  const declared = toKind(type);
  return { ...prepareName(table, name), name, kind: declared !== 'unknown' ? declared : toKind(values.pattern), values };
}

function prepareTarget(table: WordTable, field: TargetField): PreparedTarget {
  return {
    ...prepareSide(table, field.name, field.samples, field.type),
    field,
    synonyms: (field.synonyms ?? []).map((s) => prepareName(table, s)),
    descriptionWords: field.description ? prepareName(table, field.description).words : [],
  };
}

/** Inverse document frequency over all names: words shared by many columns (`line`, `item`, `id`) weigh less. */
function wordWeights(docs: number[][]): Weight {
  const df = new Map<number, number>();
  for (const doc of docs) for (const w of new Set(doc)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  return (w) => Math.max(0.2, Math.log((n + 1) / ((df.get(w) ?? 0) + 0.5)) / Math.log(n + 1));
}

function nameSimilarity(table: WordTable, a: Name, b: Name, weight: Weight): number {
  // Character bigrams of the joined words catch compounds (`followup` ~ `follow up`); difflib's
  // ratio does too but costs 3× the time on a 200 × 700 match.
  return Math.max(softDice(a.words, b.words, table, weight), 0.9 * bigramDice(a.grams, b.grams));
}

function scorePair(
  table: WordTable,
  s: Side,
  t: PreparedTarget,
  overlap: number | null,
  weight: Weight,
  memory: Map<string, number>,
): Evidence {
  const name = nameSimilarity(table, s, t, weight);
  let synonym = 0;
  for (const syn of t.synonyms) synonym = Math.max(synonym, nameSimilarity(table, s, syn, weight));
  const description = descriptionCoverage(table, s.words, t.descriptionWords, weight);
  const typeCompat = typeCompatibility(s.kind, t.kind);
  const mem = memory.size ? (memory.get(memoryKey(s.name, t.name)) ?? null) : null;

  let score = W.name * Math.max(name, 0.95 * synonym) + W.description * description;
  if (overlap !== null) score += W.value * overlap - (overlap === 0 && t.values.distinct.size >= MISS_MIN_VALUES ? W.valueMiss : 0);
  if (typeCompat !== null) score += W.type * (typeCompat - 0.5);
  if (mem !== null) score += W.memory * mem;
  return {
    name,
    synonym,
    description,
    sourceType: s.kind,
    targetType: t.kind,
    typeCompatibility: typeCompat,
    valueOverlap: overlap,
    memory: mem,
    llm: null,
    score,
  };
}

/** Weighted share of the source words that the target's description mentions. */
function descriptionCoverage(table: WordTable, words: number[], description: number[], weight: Weight): number {
  if (!words.length || !description.length) return 0;
  let hit = 0;
  let total = 0;
  for (const w of words) {
    total += weight(w);
    if (description.some((d) => table.similarity(w, d) >= 0.85)) hit += weight(w);
  }
  return hit / total;
}
function memoryKey(source: string, target: string): string {
  return `${source.toLowerCase()}\u0000${target.toLowerCase()}`;
}

function indexMemory(hints: readonly MemoryHint[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const h of hints) {
    const key = memoryKey(h.sourceName, h.targetName);
    index.set(key, Math.max(index.get(key) ?? 0, h.similarity));
  }
  return index;
}

/**
 * Puts each column's assigned target first: targets assigned to other columns drop behind it
 * (and by TAKEN_PENALTY behind the free ones for columns that got no target).
 */
function applyAssignment(evidence: Evidence[][], ranking: number[][]): void {
  const pairs: ScoredPair[] = [];
  ranking.forEach((row, source) => row.forEach((score, target) => pairs.push({ source, target, score })));
  const assigned = assignGreedy(pairs, ASSIGN_MIN_SCORE);
  const owner = new Map([...assigned].map(([s, t]) => [t, s]));
  ranking.forEach((row, i) => {
    const own = assigned.get(i);
    if (own !== undefined) evidence[i][own].assigned = true;
    const ceiling = own !== undefined ? row[own] - 0.01 : Infinity;
    row.forEach((score, j) => {
      const o = owner.get(j);
      if (o !== undefined && o !== i) row[j] = Math.min(score - TAKEN_PENALTY, ceiling);
    });
  });
}

async function rerank(
  options: MatchOptions,
  column: SourceColumn,
  targets: PreparedTarget[],
  evidence: Evidence[],
  order: Ranked[],
): Promise<Ranked[]> {
  const k = options.llmTopK ?? 5;
  const head = order.slice(0, k);
  const scores = await options.llm!(column, head.map(({ j, score }) => ({ target: targets[j].field, score })));
  const reranked = head.map(({ j, score }, n) => {
    const opinion = scores[n];
    if (opinion === null || opinion === undefined) return { j, score };
    const llm = Math.min(1, Math.max(0, opinion));
    evidence[j].llm = llm;
    // Blend rather than replace: a wrong re-ranker cannot push a strong heuristic match out.
    return { j, score: 0.5 * score + 0.5 * llm };
  });
  return [...reranked.sort((a, b) => b.score - a.score), ...order.slice(k)];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundEvidence(e: Evidence): Evidence {
  const r = (x: number | null) => (x === null ? null : round(x));
  return {
    ...e,
    name: round(e.name),
    synonym: round(e.synonym),
    description: round(e.description),
    typeCompatibility: r(e.typeCompatibility),
    valueOverlap: r(e.valueOverlap),
    memory: r(e.memory),
    llm: r(e.llm),
    score: round(e.score),
  };
}
