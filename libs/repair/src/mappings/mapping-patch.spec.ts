import type { RepairProposal } from '../proposals/repair-proposal';
import { applyChanges, changesOf, MappingChange } from './mapping-patch';
import { FieldMapping } from './mapping.types';

const field = (source: string, target: string): FieldMapping => ({ source, target, transform: null, confidence: 1, origin: 'human' });
const change = (c: Partial<MappingChange> & Pick<MappingChange, 'action' | 'column' | 'target'>): MappingChange => ({ transform: null, confidence: 0.9, origin: 'heuristic', ...c });

describe('applyChanges', () => {
  const v1 = [field('amount', 'BilledCost'), field('service', 'ServiceName'), field('account_id', 'SubAccountId')];

  it('a rename takes the old column’s place, then its transform converts the values', () => {
    const renamed = applyChanges(v1, [change({ action: 'map', column: 'cost_usd', target: 'BilledCost', renamedFrom: 'amount' })]);
    expect(renamed.map((f) => [f.source, f.target])).toEqual([['service', 'ServiceName'], ['account_id', 'SubAccountId'], ['cost_usd', 'BilledCost']]);
    const converted = applyChanges(renamed, [change({ action: 'transform', column: 'cost_usd', target: 'BilledCost', renamedFrom: 'amount', transform: { kind: 'money_to_decimal' } })]);
    expect(converted.find((f) => f.source === 'cost_usd')!.transform).toEqual({ kind: 'money_to_decimal' });
    expect(converted).toHaveLength(3);
  });

  it('a transform applied before its rename replaces the old column too, and the rename keeps it', () => {
    const converted = applyChanges(v1, [change({ action: 'transform', column: 'cost_usd', target: 'BilledCost', renamedFrom: 'amount', transform: { kind: 'money_to_decimal' } })]);
    const renamed = applyChanges(converted, [change({ action: 'map', column: 'cost_usd', target: 'BilledCost', renamedFrom: 'amount' })]);
    expect(renamed.filter((f) => f.target === 'BilledCost')).toEqual([expect.objectContaining({ source: 'cost_usd', transform: { kind: 'money_to_decimal' } })]);
  });

  it('unmaps a removed column and applies nothing twice', () => {
    const unmap = change({ action: 'unmap', column: 'account_id', target: 'SubAccountId' });
    const once = applyChanges(v1, [unmap]);
    expect(applyChanges(once, [unmap])).toEqual(once);
    expect(once.map((f) => f.source)).toEqual(['amount', 'service']);
  });
});

describe('changesOf', () => {
  const proposal = (p: Partial<RepairProposal> & Pick<RepairProposal, 'action' | 'column' | 'change'>): RepairProposal =>
    ({ target: 'BilledCost', confidence: 0.95, evidence: {}, ...p }) as RepairProposal;
  const rename = proposal({ action: 'map', column: 'cost_usd', confidence: 0.97, change: { kind: 'column_renamed', from: 'amount', to: 'cost_usd' } as never });
  const money = proposal({
    action: 'transform',
    column: 'cost_usd',
    confidence: 0.9,
    change: { kind: 'type_changed', column: 'cost_usd', renamedFrom: 'amount' } as never,
    transform: { spec: { kind: 'money_to_decimal' }, preview: [], failed: 0 },
  });

  it('folds a rename and a type change of one column into one change a reviewer can approve', () => {
    for (const order of [[rename, money], [money, rename]]) {
      expect(changesOf(order)).toEqual([
        expect.objectContaining({ action: 'transform', column: 'cost_usd', target: 'BilledCost', renamedFrom: 'amount', transform: { kind: 'money_to_decimal' }, confidence: 0.9 }),
      ]);
    }
    const fields = applyChanges([field('amount', 'BilledCost')], changesOf([rename, money]));
    expect(fields).toEqual([expect.objectContaining({ source: 'cost_usd', target: 'BilledCost', transform: { kind: 'money_to_decimal' } })]);
  });

  it('keeps changes of different columns apart and drops columns left unmapped', () => {
    const service = proposal({ action: 'map', column: 'service_name', target: 'ServiceName', change: { kind: 'column_renamed', from: 'service', to: 'service_name' } as never });
    const left = proposal({ action: 'leave_unmapped', column: 'notes', target: null, change: { kind: 'column_added', column: 'notes' } as never });
    expect(changesOf([rename, service, left]).map((c) => c.column)).toEqual(['cost_usd', 'service_name']);
  });
});
