import type { Domain, OntologyEntity } from '@autonomos/ontology';
import type { RepairProposal } from '../proposals/repair-proposal';

/**
 * When a proposal applies itself. The threshold of a proposal is the first that is set of:
 * its field's, money fields' (when the field is money), its entity domain's, the tenant's.
 */
export interface RepairPolicy {
  autoApplyThreshold: number;
  domainThresholds?: Partial<Record<Domain, number>>;
  /** Stricter (or looser) bar for fields of type money. */
  moneyThreshold?: number;
  /** Ontology field name → threshold. */
  fieldThresholds?: Record<string, number>;
  /** A breaking change always waits for a person, however confident. */
  breakingNeedsReview: boolean;
}

export const DEFAULT_REPAIR_POLICY: RepairPolicy = { autoApplyThreshold: 0.9, breakingNeedsReview: false };

export function thresholdFor(policy: RepairPolicy, entity: OntologyEntity, target: string | null): number {
  const field = entity.fields.find((f) => f.name === target);
  return (
    (target ? policy.fieldThresholds?.[target] : undefined) ??
    (field?.type === 'money' ? policy.moneyThreshold : undefined) ??
    policy.domainThresholds?.[entity.domain] ??
    policy.autoApplyThreshold
  );
}

/** Proposals that change the mapping, split into those that apply themselves and those a person decides. */
export function splitProposals(policy: RepairPolicy, entity: OntologyEntity, proposals: RepairProposal[]) {
  const auto: RepairProposal[] = [];
  const review: RepairProposal[] = [];
  for (const proposal of proposals) {
    if (proposal.action === 'leave_unmapped') continue;
    const confident = proposal.action !== 'review' && proposal.confidence >= thresholdFor(policy, entity, proposal.target);
    const needsPerson = policy.breakingNeedsReview && proposal.change.severity === 'breaking';
    (confident && !needsPerson ? auto : review).push(proposal);
  }
  return { auto, review };
}
