import { calibrate, CALIBRATION, CalibrationFeatures, CalibrationSample, fitCalibration } from './calibration';

const base: CalibrationFeatures = { lexical: 0.5, gap: 0.1, rivals: 0, values: 0, valueBest: 0 };

describe('calibration', () => {
  it('maps features into [0,1], increasing in name agreement and in the lead', () => {
    let last = -1;
    for (let l = 0; l <= 1; l += 0.05) {
      const c = calibrate({ ...base, lexical: l });
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      expect(c).toBeGreaterThan(last);
      last = c;
    }
    expect(calibrate({ ...base, gap: 0.3 })).toBeGreaterThan(calibrate({ ...base, gap: 0 }));
  });

  it('trusts a near tie among many targets less', () => {
    expect(calibrate({ ...base, rivals: Math.log1p(5) })).toBeLessThan(calibrate(base));
  });

  it('trusts a candidate more when the values agree with it, less when they point elsewhere, than with no values', () => {
    const none = calibrate(base);
    expect(calibrate({ ...base, values: 1, valueBest: 1 })).toBeGreaterThan(none + 0.05);
    expect(calibrate({ ...base, values: 1, valueBest: 0 })).toBeLessThan(none - 0.05);
  });

  it('is confident only when the evidence is: an exact, unrivalled name match high, a weak contested one low', () => {
    expect(calibrate({ lexical: 1, gap: 0.4, rivals: 0, values: 1, valueBest: 1 })).toBeGreaterThan(0.9);
    expect(calibrate({ lexical: 0.4, gap: 0.02, rivals: Math.log1p(3), values: 0, valueBest: 0 })).toBeLessThan(0.25);
  });

  it('fits a logistic curve that reproduces observed accuracy', () => {
    // Synthetic: P(correct) = sigmoid(4·lexical + 2·gap − 2), sampled on a grid with exact frequencies.
    const samples: CalibrationSample[] = [];
    for (let i = 0; i <= 20; i++) {
      for (const gap of [0, 0.5]) {
        const lexical = i / 20;
        const p = 1 / (1 + Math.exp(-(4 * lexical + 2 * gap - 2)));
        for (let k = 0; k < 100; k++) samples.push({ ...base, lexical, gap, rivals: (k % 3) / 10, correct: k < Math.round(p * 100) });
      }
    }
    const fitted = fitCalibration(samples);
    expect(fitted.lexical).toBeCloseTo(4, 0);
    expect(fitted.gap).toBeCloseTo(2, 0);
    expect(fitted.rivals).toBeCloseTo(0, 0);
    expect(fitted.bias).toBeCloseTo(-2, 0);
    expect(calibrate({ ...base, lexical: 0.9, gap: 0 }, fitted)).toBeCloseTo(1 / (1 + Math.exp(-1.6)), 1);
    expect(CALIBRATION.lexical).toBeGreaterThan(0);
  });
});
