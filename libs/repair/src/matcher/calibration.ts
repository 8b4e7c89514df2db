/**
 * Confidence = P(candidate is right), by logistic regression on features that each say
 * something different about whether a candidate is right:
 * - `lexical`: how well the names agree, max(name similarity, best synonym similarity), in [0,1];
 * - `gap`: the score's lead over the column's best other candidate (negative for the others);
 * - `rivals`: ln(1 + the column's other candidates scoring within RIVAL_MARGIN of this one or
 *   above it): a near tie among many targets is a guess;
 * - `values`: 1 when both sides have sample values (their overlap then inflates every score and
 *   gap, so the same lead says less);
 * - `valueBest`: 1 when this candidate's value overlap is the column's highest (values agree with
 *   the ranking, not just the names).
 * No feature of the whole source (such as the share of its columns that match well): the
 * benchmarks label only columns that have a counterpart, so such a feature learns "a well
 * matched source makes every column likely right" and lifts a new column that has no
 * counterpart (a drift's `discount` onto ListCost at 0.87).
 */
export interface CalibrationFeatures {
  lexical: number;
  gap: number;
  rivals: number;
  values: number;
  valueBest: number;
}

export type CalibrationParams = CalibrationFeatures & { bias: number };

const KEYS = ['lexical', 'gap', 'rivals', 'values', 'valueBest'] as const;

// Fitted with `npm run eval:mapping -- --fit-calibration ../shared/benchmarks/mapping/gdc`
// (bench/eval-mapping.ts): logistic regression on the first candidate of every labelled column
// of the ten GDC studies, each run twice, with its sample values and header-only (values
// stripped). The features were chosen by leave-one-study-out log-loss over GDC (0.478, against
// 0.504 for the previous lexical + rest-of-score + gap + exact-match curve); focus-aws-cur
// took no part in fitting or choosing and is the unseen check. Never per case; refit whenever
// the scoring changes.
export const CALIBRATION: CalibrationParams = { lexical: 4.255, gap: 3.307, rivals: -0.57, values: -1.263, valueBest: 1.943, bias: -2.35 };

export function calibrate(features: CalibrationFeatures, params: CalibrationParams = CALIBRATION): number {
  let z = params.bias;
  for (const k of KEYS) z += params[k] * features[k];
  return 1 / (1 + Math.exp(-z));
}

export interface CalibrationSample extends CalibrationFeatures {
  correct: boolean;
}

/** Logistic regression by Newton's method (a few parameters, converges in a few steps), lightly L2-damped. */
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
  const params = { bias: w[KEYS.length] } as CalibrationParams;
  KEYS.forEach((k, i) => (params[k] = w[i]));
  return params;
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
