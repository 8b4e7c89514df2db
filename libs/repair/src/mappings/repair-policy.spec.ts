import { getEntity } from '@autonomos/ontology';
import type { RepairProposal } from '../proposals/repair-proposal';
import { splitProposals, thresholdFor } from './repair-policy';

const costs = getEntity('CostLineItem')!;
const proposal = (target: string, confidence: number, severity: 'breaking' | 'non_breaking' = 'breaking'): RepairProposal => ({
  change: { kind: 'column_renamed', from: 'a', to: 'b', confidence, nameSimilarity: 1, valueOverlap: 1, severity },
  action: 'map',
  column: 'b',
  target,
  confidence,
  evidence: { reasons: [] },
});

describe('repair policy', () => {
  it('takes the field’s threshold, then money’s, then the domain’s, then the tenant’s', () => {
    const policy = { autoApplyThreshold: 0.9, domainThresholds: { finops: 0.8 }, moneyThreshold: 0.99, fieldThresholds: { ServiceName: 0.5 }, breakingNeedsReview: false };
    expect(thresholdFor(policy, costs, 'ServiceName')).toBe(0.5);
    expect(thresholdFor(policy, costs, 'BilledCost')).toBe(0.99);
    expect(thresholdFor(policy, costs, 'BillingPeriodStart')).toBe(0.8);
    expect(thresholdFor({ autoApplyThreshold: 0.7, breakingNeedsReview: false }, costs, 'BillingPeriodStart')).toBe(0.7);
  });

  it('auto-applies what clears its bar, sends the rest (and breaking changes when asked) to review, skips unmapped columns', () => {
    const proposals = [proposal('ServiceName', 0.95), proposal('BilledCost', 0.85), { ...proposal('ServiceName', 1), action: 'leave_unmapped' as const, target: null }];
    const split = splitProposals({ autoApplyThreshold: 0.9, breakingNeedsReview: false }, costs, proposals);
    expect([split.auto.length, split.review.length]).toEqual([1, 1]);
    const strict = splitProposals({ autoApplyThreshold: 0.9, breakingNeedsReview: true }, costs, [proposal('ServiceName', 0.95), proposal('BillingPeriodEnd', 0.95, 'non_breaking')]);
    expect(strict.review.map((p) => p.target)).toEqual(['ServiceName']);
  });
});
