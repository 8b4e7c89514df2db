/**
 * Confidence = P(candidate is right) by logistic (Platt) scaling of two features: the raw
 * score and its gap to the column's best other candidate (positive for the leader).
 */
export interface CalibrationParams {
  score: number;
  gap: number;
  bias: number;
}

// Fitted once with `npm run eval:mapping -- --fit-calibration gdc/cao gdc/clark gdc/dou
// gdc/gilette gdc/huang` (bench/eval-mapping.ts): logistic regression on the first candidate of
// every labelled column of those five studies (the fit half of the ten GDC studies; the other
// five and focus-aws-cur are the check). Never per case; refit whenever the scoring changes.
export const CALIBRATION: CalibrationParams = { score: 2.658, gap: 6.859, bias: -1.834 };

export function calibrate(score: number, gap: number, params: CalibrationParams = CALIBRATION): number {
  return 1 / (1 + Math.exp(-(params.score * score + params.gap * gap + params.bias)));
}

export interface CalibrationSample {
  score: number;
  gap: number;
  correct: boolean;
}

/** Logistic regression by Newton's method (3 parameters, converges in a few steps), L2-damped. */
export function fitCalibration(samples: readonly CalibrationSample[], iterations = 50): CalibrationParams {
  let w = [0, 0, 0];
  const l2 = 1e-3;
  for (let it = 0; it < iterations; it++) {
    const grad = [0, 0, 0];
    const hess = [
      [l2, 0, 0],
      [0, l2, 0],
      [0, 0, l2],
    ];
    for (const s of samples) {
      const x = [s.score, s.gap, 1];
      const p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1] + w[2])));
      const err = p - (s.correct ? 1 : 0);
      for (let i = 0; i < 3; i++) {
        grad[i] += err * x[i];
        for (let j = 0; j < 3; j++) hess[i][j] += p * (1 - p) * x[i] * x[j];
      }
    }
    for (let i = 0; i < 3; i++) grad[i] += l2 * w[i];
    const step = solve3(hess, grad);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { score: w[0], gap: w[1], bias: w[2] };
}

/** Solves a 3×3 linear system by Cramer's rule. */
function solve3(m: number[][], v: number[]): number[] {
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  return [0, 1, 2].map((col) => det(m.map((row, r) => row.map((x, c) => (c === col ? v[r] : x)))) / d);
}
