// Schema-matching benchmark: `npm run eval:mapping -- [--one-to-one] [--no-ontology] [--header-only] [--fit-calibration] DIR...`
// Runs every case (a folder with case.json) under the given folders and prints MRR, Recall@GT,
// top-1 accuracy, ECE and time per case and per family, scored as
// ../shared/benchmarks/mapping/README.md defines, beside a plain name-similarity baseline
// and the published figures. --header-only strips the source's sample values (a header-only
// source). --fit-calibration runs every case twice (with values and header-only), prints the
// leave-one-case-out scores (each case calibrated by constants fitted on the other cases only,
// both runs of a case held out together) and the constants fitted on all of them, for
// libs/repair/src/matcher/calibration.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { calibrate, CALIBRATION, CalibrationParams, CalibrationSample, ColumnMatch, fitCalibration, scoreColumns, ScoredColumn, sequenceRatio, withOntologyHints } from '@autonomos/repair';
import { readSourceCsv, readTarget } from '../apps/cli/src/schema-files';

interface Scores {
  mrr: number;
  recallAtGt: number;
  top1: number;
  ece: number;
  ms: number;
}

interface CaseResult {
  name: string;
  family: string;
  engine: Scores;
  baseline: Scores;
  samples: CalibrationSample[];
  firsts: First[];
  headerOnly: boolean;
  scored: ScoredColumn[];
  truth: Map<string, Set<string>>;
  truthPairs: number;
}

interface First {
  confidence: number;
  correct: boolean;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      'one-to-one': { type: 'boolean', default: false },
      'no-ontology': { type: 'boolean', default: false },
      'fit-calibration': { type: 'boolean', default: false },
      'header-only': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (!positionals.length) throw new Error('usage: eval-mapping [--one-to-one] [--no-ontology] [--header-only] [--fit-calibration] DIR...');
  const cases = positionals.flatMap((dir) => findCases(resolve(dir)));
  const results: CaseResult[] = [];
  if (values['fit-calibration']) {
    for (const dir of cases) for (const headerOnly of [false, true]) results.push(await runCase(dir, values['one-to-one']!, !values['no-ontology'], headerOnly));
    fitAndCheck(results);
    return;
  }
  for (const dir of cases) results.push(await runCase(dir, values['one-to-one']!, !values['no-ontology'], values['header-only']!));
  printTable(results);
  printPublished(cases);
}

function findCases(dir: string): string[] {
  if (existsSync(join(dir, 'case.json'))) return [dir];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .flatMap(findCases)
    .sort();
}

/** Cases that share their parent folder with other cases form a family (gdc/*); a lone case is its own. */
function familyOf(dir: string): string {
  const parent = dirname(dir);
  const siblings = readdirSync(parent).filter((n) => existsSync(join(parent, n, 'case.json')));
  return siblings.length > 1 ? basename(parent) : basename(dir);
}

/**
 * Leave-one-case-out: each case (with values and header-only alike) is calibrated by constants
 * fitted on the other cases only and scored; then the constants fitted on all of them.
 */
function fitAndCheck(results: CaseResult[]): void {
  const names = [...new Set(results.map((r) => r.name))];
  const heldOut: CaseResult[] = [];
  let logLoss = 0;
  let n = 0;
  for (const name of names) {
    const params = fitCalibration(results.filter((r) => r.name !== name).flatMap((r) => r.samples));
    for (const r of results.filter((x) => x.name === name)) {
      const columns = calibrated(r.scored, params);
      const firsts = firstCandidates(columns, r.truth);
      for (const f of firsts) logLoss -= Math.log(Math.min(1 - 1e-9, Math.max(1e-9, f.correct ? f.confidence : 1 - f.confidence)));
      n += firsts.length;
      heldOut.push({ ...r, name: `${r.name}${r.headerOnly ? ' (header-only)' : ''}`, family: `${r.family}${r.headerOnly ? ' header-only' : ''}`, engine: { ...score(columns, r.truth, r.truthPairs), ms: r.engine.ms }, firsts });
    }
  }
  console.log('leave-one-case-out (each case calibrated by constants fitted on the other cases):');
  printTable(heldOut);
  console.log(`leave-one-case-out log-loss of the first candidates: ${(logLoss / n).toFixed(4)} (${n})`);
  const params = fitCalibration(results.flatMap((r) => r.samples));
  const rounded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  console.log(`fitted on all ${results.length} runs (${n} samples):`, JSON.stringify(rounded));
}

/** The engine's answer: scored candidates with their calibrated confidence. */
function calibrated(scored: ScoredColumn[], params: CalibrationParams): ColumnMatch[] {
  return scored.map((c) => ({
    source: c.source,
    candidates: c.candidates.map((k) => ({ target: k.target, confidence: calibrate(k.features, params), evidence: k.evidence })),
  }));
}

async function runCase(dir: string, oneToOne: boolean, ontology: boolean, headerOnly = false): Promise<CaseResult> {
  const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { source: string; target: string; truth: string };
  const truthRows = parse(readFileSync(join(dir, spec.truth)), { bom: true, columns: true }) as Array<{ source_column: string; target_column: string }>;
  const truth = new Map<string, Set<string>>();
  for (const { source_column, target_column } of truthRows) {
    if (!truth.has(source_column)) truth.set(source_column, new Set());
    truth.get(source_column)!.add(target_column);
  }

  // Timed from reading the files to the ranked lists, as a CLI call would be.
  let started = performance.now();
  const read = readSourceCsv(join(dir, spec.source));
  const source = headerOnly ? read.map((c) => ({ ...c, samples: [] })) : read;
  const rawTarget = readTarget(join(dir, spec.target));
  const target = ontology ? withOntologyHints(rawTarget) : rawTarget;
  const scored = await scoreColumns(source, target, { top: 20, oneToOne });
  const columns = calibrated(scored, CALIBRATION);
  const engineMs = performance.now() - started;

  started = performance.now();
  const baseline = baselineMatch(source.map((c) => c.name), rawTarget.map((t) => t.name));
  const baselineMs = performance.now() - started;

  // The first candidate of each labelled column, as auto-apply decisions and the ECE rest on it.
  const samples: CalibrationSample[] = scored
    .filter((c) => truth.has(c.source) && c.candidates.length)
    .map((c) => ({ ...c.candidates[0].features, correct: truth.get(c.source)!.has(c.candidates[0].target) }));
  return {
    name: basename(dir),
    family: familyOf(dir),
    engine: { ...score(columns, truth, truthRows.length), ms: engineMs },
    baseline: { ...score(baseline, truth, truthRows.length), ms: baselineMs },
    samples,
    firsts: firstCandidates(columns, truth),
    headerOnly,
    scored,
    truth,
    truthPairs: truthRows.length,
  };
}

/** The README's baseline: difflib ratio of the lower-cased names, every target ranked. */
function baselineMatch(sources: string[], targets: string[]): ColumnMatch[] {
  return sources.map((s) => ({
    source: s,
    candidates: targets
      .map((t) => ({ target: t, confidence: sequenceRatio(s.toLowerCase(), t.toLowerCase()), evidence: {} as never }))
      .sort((a, b) => b.confidence - a.confidence),
  }));
}

/** The first candidate of each truth source column, with whether it is right. */
function firstCandidates(columns: ColumnMatch[], truth: Map<string, Set<string>>): First[] {
  const bySource = new Map(columns.map((c) => [c.source, c.candidates]));
  return [...truth].map(([source, right]) => {
    const first = bySource.get(source)?.[0];
    return { confidence: first?.confidence ?? 0, correct: !!first && right.has(first.target) };
  });
}

function score(columns: ColumnMatch[], truth: Map<string, Set<string>>, truthPairs: number): Omit<Scores, 'ms'> {
  const bySource = new Map(columns.map((c) => [c.source, c.candidates]));
  let rr = 0;
  let top1 = 0;
  for (const [source, right] of truth) {
    const rank = (bySource.get(source) ?? []).findIndex((c) => right.has(c.target));
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank === 0) top1++;
  }
  const firsts = firstCandidates(columns, truth);
  // Recall@GT: the k most confident pairs over all returned candidates, k = number of true pairs.
  const pooled = columns
    .flatMap((c) => c.candidates.map((cand) => ({ source: c.source, target: cand.target, confidence: cand.confidence })))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, truthPairs);
  const hits = pooled.filter((p) => truth.get(p.source)?.has(p.target)).length;
  return { mrr: rr / truth.size, recallAtGt: hits / truthPairs, top1: top1 / truth.size, ece: expectedCalibrationError(firsts) };
}

function expectedCalibrationError(firsts: First[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const f of firsts) {
    const bin = bins[Math.min(9, Math.floor(f.confidence * 10))];
    bin.n++;
    bin.conf += f.confidence;
    bin.right += f.correct ? 1 : 0;
  }
  return bins.reduce((sum, b) => (b.n ? sum + (b.n / firsts.length) * Math.abs(b.conf / b.n - b.right / b.n) : sum), 0);
}

function printTable(results: CaseResult[]): void {
  const header = ['case', 'MRR', 'R@GT', 'top1', 'ECE', 'ms', '| base MRR', 'R@GT', 'top1', 'ECE'];
  const row = (name: string, e: Scores, b: Scores) =>
    [name, f(e.mrr), f(e.recallAtGt), f(e.top1), f(e.ece), e.ms.toFixed(0), '| ' + f(b.mrr), f(b.recallAtGt), f(b.top1), f(b.ece)];
  const lines = [header];
  const families = [...new Set(results.map((r) => r.family))];
  for (const family of families) {
    const members = results.filter((r) => r.family === family);
    for (const r of members) lines.push(row(`${family}/${r.name}`, r.engine, r.baseline));
    lines.push(row(`${family} mean (${members.length})`, mean(members.map((r) => r.engine)), mean(members.map((r) => r.baseline))));
  }
  // Per-case ECE over ~20 columns is mostly sampling noise; the pooled figure shows calibration itself.
  const pooled = families.map((family) => {
    const firsts = results.filter((r) => r.family === family).flatMap((r) => r.firsts);
    return `${family} ${f(expectedCalibrationError(firsts))} (${firsts.length} columns)`;
  });
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const l of lines) console.log(l.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
  console.log(`\nECE of the engine pooled over each family's columns: ${pooled.join('; ')}`);
}

function printPublished(cases: string[]): void {
  const files = [...new Set(cases.map((c) => join(dirname(c), 'published_results.csv')))].filter(existsSync);
  for (const file of files) {
    const rows = parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
    const methods = [...new Set(rows.map((r) => r.method))];
    console.log(`\npublished (${basename(dirname(file))}, mean over studies): method  MRR  Recall@GT  runtime_s`);
    for (const m of methods) {
      const get = (metric: string) => rows.find((r) => r.method === m && r.metric === metric)?.mean ?? '-';
      console.log(`  ${m.padEnd(14)} ${get('MRR').padStart(6)} ${get('Recall@GT').padStart(6)} ${get('runtime_seconds').padStart(8)}`);
    }
  }
}

function mean(xs: Scores[]): Scores {
  const avg = (k: keyof Scores) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  return { mrr: avg('mrr'), recallAtGt: avg('recallAtGt'), top1: avg('top1'), ece: avg('ece'), ms: avg('ms') };
}

function f(x: number): string {
  return x.toFixed(3);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
