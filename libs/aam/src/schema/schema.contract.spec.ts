import { applyContract, SchemaContract } from './schema.contract';
import { inferSchema } from './schema.inferrer';

const schema = inferSchema([{ id: 'CR-1', amount: '10.50', day: '2025-01-01' }]);
const good = { id: 'CR-2', amount: '7', day: '2025-02-01' };
const wrongType = { id: 'CR-3', amount: 'unknown', day: '2025-03-01' };
const newColumn = { id: 'CR-4', amount: '1.00', day: '2025-04-01', discount: '0.5' };

describe('applyContract', () => {
  it.each(['evolve', 'freeze', 'discard_row', 'discard_value'] as const)('accepts a conforming record unchanged under %s', (mode) => {
    expect(applyContract({ mode }, schema, good)).toEqual({ status: 'accepted', record: good, discarded: [], evolutions: [] });
  });

  describe('evolve', () => {
    it('accepts a new column and a wider type, listing them for the schema to follow', () => {
      const outcome = applyContract({ mode: 'evolve' }, schema, { ...newColumn, amount: 'unknown' });
      expect(outcome.status).toBe('accepted');
      if (outcome.status !== 'accepted') return;
      expect(outcome.record).toEqual({ ...newColumn, amount: 'unknown' });
      expect(outcome.evolutions.map((v) => [v.kind, v.column])).toEqual([
        ['type_mismatch', 'amount'],
        ['new_column', 'discount'],
      ]);
    });
  });

  describe('freeze', () => {
    it('rejects a record with a new column, naming it', () => {
      expect(applyContract({ mode: 'freeze' }, schema, newColumn)).toMatchObject({
        status: 'rejected',
        reason: 'new column "discount"',
      });
    });

    it('rejects a value that does not fit its column', () => {
      expect(applyContract({ mode: 'freeze' }, schema, wrongType)).toMatchObject({
        status: 'rejected',
        reason: 'column "amount" expects decimal, got string "unknown" (would widen to string)',
        violations: [{ column: 'amount', kind: 'type_mismatch', expected: 'decimal', found: 'string', value: 'unknown' }],
      });
    });

    it('accepts a narrower value (an integer in a decimal column)', () => {
      expect(applyContract({ mode: 'freeze' }, schema, good).status).toBe('accepted');
    });
  });

  describe('discard_row', () => {
    it('quarantines the record with its reason', () => {
      expect(applyContract({ mode: 'discard_row' }, schema, wrongType)).toMatchObject({
        status: 'quarantined',
        reason: expect.stringContaining('column "amount" expects decimal'),
      });
    });
  });

  describe('discard_value', () => {
    it('nulls the offending value and records it', () => {
      const outcome = applyContract({ mode: 'discard_value' }, schema, wrongType);
      expect(outcome).toMatchObject({
        status: 'accepted',
        record: { id: 'CR-3', amount: null, day: '2025-03-01' },
        discarded: [{ column: 'amount', value: 'unknown', kind: 'type_mismatch' }],
      });
    });

    it('drops the value of a new column and records it', () => {
      const outcome = applyContract({ mode: 'discard_value' }, schema, newColumn);
      expect(outcome).toMatchObject({
        status: 'accepted',
        record: { id: 'CR-4', amount: '1.00', day: '2025-04-01' },
        discarded: [{ column: 'discount', value: '0.5', kind: 'new_column' }],
      });
      expect(outcome.status === 'accepted' && 'discount' in outcome.record).toBe(false);
    });
  });

  it('lets a column mode override the stream mode, and freeze win over the others', () => {
    const contract: SchemaContract = { mode: 'evolve', columns: { amount: 'discard_value' } };
    expect(applyContract(contract, schema, { ...newColumn, amount: 'unknown' })).toMatchObject({
      status: 'accepted',
      record: { amount: null, discount: '0.5' },
    });
    const strict: SchemaContract = { mode: 'discard_value', columns: { amount: 'freeze' } };
    expect(applyContract(strict, schema, { ...newColumn, amount: 'unknown' }).status).toBe('rejected');
  });

  it('never rejects on nulls: nullability is only what the data showed so far', () => {
    expect(applyContract({ mode: 'freeze' }, schema, { id: 'CR-5', amount: '', day: null }).status).toBe('accepted');
  });
});
