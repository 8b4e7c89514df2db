import type { ReviewDecision, ReviewItemEntity, ReviewKindHandler } from '@autonomos/hitl';
import { Injectable } from '@nestjs/common';
import { MappingChange } from './mapping-patch';
import { checkFields } from './mapping-validation';
import { mappingErrors } from './mappings.errors';

interface EditedChange {
  action?: MappingChange['action'];
  column: string;
  target: string;
  transform?: MappingChange['transform'];
}

/**
 * The changes a decision applies: the reviewer's edit when there is one (each a human
 * choice), else the proposed changes.
 */
export function reviewedChanges(payload: Record<string, unknown>, edited: Record<string, unknown> | undefined): MappingChange[] {
  const proposed = (payload.changes ?? []) as MappingChange[];
  if (!edited) return proposed;
  return ((edited.changes ?? []) as EditedChange[]).map((c) => {
    const before = proposed.find((p) => p.column === c.column);
    return {
      action: c.action ?? 'map',
      column: c.column,
      target: c.target,
      transform: c.transform ?? null,
      ...(before?.renamedFrom ? { renamedFrom: before.renamedFrom } : {}),
      confidence: 1,
      origin: 'human' as const,
    };
  });
}

/** Checks an approval of a mapping item against the ontology and the stream's sample values, before it is recorded. */
@Injectable()
export class MappingReviewKind implements ReviewKindHandler {
  async validateDecision(item: ReviewItemEntity, decision: ReviewDecision, edited: Record<string, unknown> | undefined): Promise<void> {
    if (decision !== 'approve') return;
    if (edited && !Array.isArray(edited.changes)) throw mappingErrors.invalid('edited must be { changes: [{ column, target, transform? }] }', [{ field: 'edited.changes', message: 'must be an array' }]);
    const changes = reviewedChanges(item.payload, edited).filter((c) => c.action !== 'unmap');
    const samples = (item.payload.samples ?? {}) as Record<string, string[]>;
    checkFields(
      String(item.payload.entity),
      changes.map((c) => ({ source: c.column, target: c.target, transform: c.transform })),
      samples,
      edited ? 'edited.changes' : 'changes',
    );
  }
}
