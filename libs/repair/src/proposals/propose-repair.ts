import type { ColumnSchema, SchemaChange } from '@autonomos/aam';
import { getEntity, OntologyEntity } from '@autonomos/ontology';
import { Candidate, entityTargets, matchColumns } from '../matcher';
import { repairErrors } from '../repair.errors';
import { previewTransform, suggestTransform } from '../transforms';
import { ProposedTransform, RepairInput, RepairProposal } from './repair-proposal';

/** Below this calibrated confidence an added column is left unmapped rather than guessed. */
export const MAP_FLOOR = 0.5;

type Change<K extends SchemaChange['kind']> = Extract<SchemaChange, { kind: K }>;

/**
 * One mapping patch per drift change that touches the mapping: a renamed column takes its old
 * column's field, a changed type or format gets a value transform (previewed on the samples),
 * an added column gets its best field (or stays unmapped), a removed mapped column is unmapped.
 * Changes that need nothing (a widening, an unmapped column's type) give no proposal. Pure.
 */
export async function proposeRepair(input: RepairInput): Promise<RepairProposal[]> {
  const entity = getEntity(input.entity);
  if (!entity) throw repairErrors.unknownEntity(input.entity, 'entity');
  const columns = new Map(input.schema.columns.map((c) => [c.name, c]));
  const changes = input.diff.changes;
  const renamed = changes.filter((c): c is Change<'column_renamed'> => c.kind === 'column_renamed');
  const added = changes.filter((c): c is Change<'column_added'> => c.kind === 'column_added');
  const removed = new Set(changes.filter((c) => c.kind === 'column_removed').map((c) => c.column));

  // The matcher sees the columns the drift brought in, against every field of the entity.
  const incoming = [...renamed.map((r) => r.to), ...added.map((a) => a.column)].filter((name) => columns.has(name));
  const result = await matchColumns(
    incoming.map((name) => ({ name, samples: columns.get(name)!.profile.samples })),
    entityTargets(entity),
    { top: entity.fields.length, memory: input.memory, llm: input.llm },
  );
  const candidates = new Map(result.columns.map((c) => [c.source, c.candidates]));

  // Fields still fed after the drift: an added column may only take a free one.
  const taken = new Set(
    Object.entries(input.mapping)
      .filter(([column]) => !removed.has(column))
      .map(([, field]) => field),
  );
  const proposals: RepairProposal[] = [];
  for (const change of changes) {
    const proposal = proposeFor(change, input.mapping, entity, columns, candidates.get(changeColumn(change)) ?? [], taken);
    if (proposal) proposals.push(proposal);
  }
  return proposals;
}

function proposeFor(
  change: SchemaChange,
  mapping: RepairInput['mapping'],
  entity: OntologyEntity,
  columns: Map<string, ColumnSchema>,
  candidates: Candidate[],
  taken: Set<string>,
): RepairProposal | null {
  switch (change.kind) {
    case 'column_renamed':
      return renameProposal(change, mapping[change.from], candidates);
    case 'column_added':
      return addedProposal(change, columns.get(change.column), entity, candidates.filter((c) => !taken.has(c.target)));
    case 'column_removed': {
      const target = mapping[change.column];
      if (!target) return null;
      const required = entity.fields.find((f) => f.name === target)?.required;
      return {
        change,
        action: 'unmap',
        column: change.column,
        target,
        confidence: 1,
        evidence: { reasons: [`${change.column} is gone and no added column looks like it`, ...(required ? [`${target} is required and is now fed by no column`] : [])] },
      };
    }
    case 'type_changed':
    case 'format_changed':
      return valueProposal(change, mapping[change.renamedFrom ?? change.column], entity, columns.get(change.column));
    case 'nullability_changed':
      return null;
  }
}

function renameProposal(change: Change<'column_renamed'>, target: string | undefined, candidates: Candidate[]): RepairProposal {
  const rename = { confidence: change.confidence, nameSimilarity: change.nameSimilarity, valueOverlap: change.valueOverlap };
  const evidence = { rename, candidates: candidates.slice(0, 3) };
  if (!target) {
    return { change, action: 'leave_unmapped', column: change.to, target: null, confidence: change.confidence, evidence: { ...evidence, reasons: [`${change.from} was not mapped`] } };
  }
  const matcher = candidates.find((c) => c.target === target)?.confidence ?? 0;
  // The rename evidence (names and values of old and new column) and the matcher's view of the
  // new column against the field are independent signs: combined as a noisy-OR.
  const confidence = round(1 - (1 - change.confidence) * (1 - matcher));
  return {
    change,
    action: 'map',
    column: change.to,
    target,
    confidence,
    evidence: { ...evidence, reasons: [`${change.to} looks like ${change.from} renamed (${change.confidence})`, `the matcher gives ${change.to} → ${target} ${matcher}`] },
  };
}

function addedProposal(change: Change<'column_added'>, column: ColumnSchema | undefined, entity: OntologyEntity, free: Candidate[]): RepairProposal {
  const best = free[0];
  const evidence = { candidates: free.slice(0, 3) };
  if (!best || best.confidence < MAP_FLOOR) {
    return {
      change,
      action: 'leave_unmapped',
      column: change.column,
      target: null,
      confidence: round(1 - (best?.confidence ?? 0)),
      evidence: { ...evidence, reasons: [best ? `best free field ${best.target} is only ${best.confidence} likely` : 'no free field left'] },
    };
  }
  const field = entity.fields.find((f) => f.name === best.target)!;
  const transform = column ? proposeTransform(column.profile.samples, field.type) : undefined;
  return {
    change,
    action: 'map',
    column: change.column,
    target: best.target,
    ...(transform ? { transform } : {}),
    confidence: best.confidence,
    evidence: { ...evidence, reasons: [`best free field for ${change.column} is ${best.target}`] },
  };
}

function valueProposal(
  change: Change<'type_changed'> | Change<'format_changed'>,
  target: string | undefined,
  entity: OntologyEntity,
  column: ColumnSchema | undefined,
): RepairProposal | null {
  if (!target || !column || change.severity === 'non_breaking') return null;
  const field = entity.fields.find((f) => f.name === target);
  if (!field) return null;
  const transform = proposeTransform(column.profile.samples, field.type);
  if (!transform) {
    return { change, action: 'review', column: change.column, target, confidence: 0, evidence: { reasons: [`no safe transform turns every sample of ${change.column} into ${field.type}`] } };
  }
  const total = transform.preview.length;
  return {
    change,
    action: 'transform',
    column: change.column,
    target,
    transform,
    // Laplace's rule: how likely the next value converts too, given how many samples did.
    confidence: round((total - transform.failed + 1) / (total + 2)),
    evidence: { reasons: [`${change.column} values now read as ${column.type}; ${target} needs ${field.type}`, `${total - transform.failed} of ${total} samples convert`] },
  };
}

function proposeTransform(samples: string[], targetType: string): ProposedTransform | undefined {
  const spec = suggestTransform(samples, targetType);
  if (!spec) return undefined;
  const preview = previewTransform(spec, samples);
  return { spec, preview, failed: preview.filter((row) => row.error !== undefined).length };
}

function changeColumn(change: SchemaChange): string {
  return change.kind === 'column_renamed' ? change.to : change.column;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
