import { calibrate, CALIBRATION, CalibrationSample, fitCalibration } from './calibration';

describe('calibration', () => {
  it('maps scores into [0,1], increasing in score and in gap', () => {
    let last = -1;
    for (let s = -1; s <= 2; s += 0.05) {
      const c = calibrate(s, 0.1);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      expect(c).toBeGreaterThan(last);
      last = c;
    }
    expect(calibrate(0.6, 0.3)).toBeGreaterThan(calibrate(0.6, 0));
    expect(CALIBRATION.score).toBeGreaterThan(0);
    expect(CALIBRATION.gap).toBeGreaterThan(0);
  });

  it('fits a logistic curve that reproduces observed accuracy', () => {
    // Synthetic: P(correct) = sigmoid(4·score − 2), sampled on a grid with exact frequencies.
    const samples: CalibrationSample[] = [];
    for (let i = 0; i <= 20; i++) {
      const score = i / 20;
      const p = 1 / (1 + Math.exp(-(4 * score - 2)));
      for (let k = 0; k < 100; k++) samples.push({ score, gap: 0, correct: k < Math.round(p * 100) });
    }
    const fitted = fitCalibration(samples);
    expect(fitted.score).toBeCloseTo(4, 0);
    expect(fitted.bias).toBeCloseTo(-2, 0);
    expect(calibrate(0.9, 0, fitted)).toBeCloseTo(1 / (1 + Math.exp(-1.6)), 1);
  });
});
