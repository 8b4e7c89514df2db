import type { RepairProposal } from '../proposals/repair-proposal';
import type { TransformSpec } from '../transforms';
import type { FieldMapping, MappingOrigin } from './mapping.types';

/**
 * One change to a mapping, as auto-applied or put to a reviewer (who may edit it):
 * - map: `column` feeds `target` (replacing `renamedFrom`, the column it was before a rename);
 * - transform: the same, converting values with `transform`;
 * - unmap: `column` feeds nothing any more.
 */
export interface MappingChange {
  action: 'map' | 'transform' | 'unmap';
  column: string;
  target: string;
  transform: TransformSpec | null;
  renamedFrom?: string;
  confidence: number;
  origin: MappingOrigin;
}

/** The change a proposal asks for; null when it changes nothing (a column left unmapped). */
function changeOf(proposal: RepairProposal): MappingChange | null {
  if (proposal.action === 'leave_unmapped' || !proposal.target) return null;
  const change = proposal.change;
  const renamedFrom = change.kind === 'column_renamed' ? change.from : 'renamedFrom' in change ? change.renamedFrom : undefined;
  return {
    action: proposal.action === 'review' ? 'map' : proposal.action,
    column: proposal.column,
    target: proposal.target,
    transform: proposal.transform?.spec ?? null,
    ...(renamedFrom ? { renamedFrom } : {}),
    confidence: proposal.confidence,
    origin: originOf(proposal),
  };
}

/**
 * The changes a set of proposals asks for, one per column: a rename and a type change of the
 * same column (e.g. `amount` → `cost_usd`, now money text) become one change that maps the
 * renamed column with the transform, as a reviewer would approve it.
 */
export function changesOf(proposals: readonly RepairProposal[]): MappingChange[] {
  const byColumn = new Map<string, MappingChange>();
  for (const change of proposals.map(changeOf)) {
    if (!change) continue;
    const earlier = byColumn.get(change.column);
    byColumn.set(
      change.column,
      earlier
        ? {
            ...earlier,
            ...change,
            action: earlier.action === 'transform' || change.action === 'transform' ? 'transform' : change.action,
            transform: change.transform ?? earlier.transform,
            ...(change.renamedFrom ?? earlier.renamedFrom ? { renamedFrom: change.renamedFrom ?? earlier.renamedFrom } : {}),
            confidence: Math.min(earlier.confidence, change.confidence),
            origin: earlier.origin,
          }
        : change,
    );
  }
  return [...byColumn.values()];
}

/** What the best candidate's evidence leaned on. */
function originOf(proposal: RepairProposal): MappingOrigin {
  const best = proposal.evidence.candidates?.find((c) => c.target === proposal.target)?.evidence;
  if (best?.llm !== null && best?.llm !== undefined) return 'llm';
  if (best?.memory) return 'memory';
  return 'heuristic';
}

/** The mapping after the changes, in order. Pure. */
export function applyChanges(fields: readonly FieldMapping[], changes: readonly MappingChange[]): FieldMapping[] {
  let next = [...fields];
  for (const change of changes) {
    const replaced = (f: FieldMapping) => f.source === change.column || (change.renamedFrom !== undefined && f.source === change.renamedFrom);
    const previous = next.find((f) => f.source === change.column);
    next = next.filter((f) => !replaced(f));
    if (change.action === 'unmap') continue;
    // A rename keeps a transform already set on the new column; a transform change sets its own.
    const transform = change.action === 'transform' ? change.transform : (change.transform ?? previous?.transform ?? null);
    next.push({ source: change.column, target: change.target, transform, confidence: change.confidence, origin: change.origin });
  }
  return next;
}
