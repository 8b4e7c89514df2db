/**
 * Confidence = P(candidate is right), by logistic (Platt) scaling of four features of a
 * candidate, each carrying its own information about correctness:
 * - `lexical`: how well the names agree, max(name similarity, best synonym similarity), in [0,1];
 * - `rest`: the rest of the raw score (values, type, description, memory, LLM), i.e. the score
 *   minus its name/synonym part, so that value evidence (or its absence in a header-only source)
 *   weighs on its own rather than through one blended number;
 * - `gap`: the score's lead over the column's best other candidate (negative for the others);
 * - `exact`: 1 when the name or a curated synonym matches exactly after tokenising.
 */
export interface CalibrationFeatures {
  lexical: number;
  rest: number;
  gap: number;
  exact: number;
}

export type CalibrationParams = CalibrationFeatures & { bias: number };

const KEYS = ['lexical', 'rest', 'gap', 'exact'] as const;

// Fitted with `npm run eval:mapping -- --fit-calibration ../shared/benchmarks/mapping/gdc`
// (bench/eval-mapping.ts): logistic regression on the first candidate of every labelled column
// of the ten GDC studies, each run twice, with its sample values and header-only (values
// stripped): 334 samples. The feature set was chosen by leave-one-study-out log-loss over GDC
// (0.504, against 0.525 for score + gap alone); focus-aws-cur took no part in fitting or choosing
// and is the unseen check. Never per case; refit whenever the scoring changes.
export const CALIBRATION: CalibrationParams = { lexical: 4.23, rest: 1.37, gap: 6.81, exact: -0.13, bias: -3.1 };

export function calibrate(features: CalibrationFeatures, params: CalibrationParams = CALIBRATION): number {
  let z = params.bias;
  for (const k of KEYS) z += params[k] * features[k];
  return 1 / (1 + Math.exp(-z));
}

export interface CalibrationSample extends CalibrationFeatures {
  correct: boolean;
}

/** Logistic regression by Newton's method (5 parameters, converges in a few steps), lightly L2-damped. */
export function fitCalibration(samples: readonly CalibrationSample[], iterations = 100, l2 = 1e-3): CalibrationParams {
  const n = KEYS.length + 1;
  let w = new Array<number>(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(n).fill(0);
    const hess = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? l2 : 0)));
    for (const s of samples) {
      const x = [...KEYS.map((k) => s[k]), 1];
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + w[i] * xi, 0)));
      const err = p - (s.correct ? 1 : 0);
      for (let i = 0; i < n; i++) {
        grad[i] += err * x[i];
        for (let j = 0; j < n; j++) hess[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    for (let i = 0; i < n; i++) grad[i] += l2 * w[i];
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { lexical: w[0], rest: w[1], gap: w[2], exact: w[3], bias: w[4] };
}

/** Solves a small linear system by Gaussian elimination with partial pivoting. */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  return x;
}
