import { COST_REPORTS, COST_REPORTS_DRIFTED, schemaOfCsv } from './csv-schema.fixture';
import { diffSchemas, SchemaChange } from './schema.diff';
import { schemaFingerprint } from './schema.fingerprint';
import { inferSchema } from './schema.inferrer';

const ofKind = <K extends SchemaChange['kind']>(changes: SchemaChange[], kind: K) =>
  changes.filter((c): c is Extract<SchemaChange, { kind: K }> => c.kind === kind);

describe('diffSchemas on the cost reports drift', () => {
  let changes: SchemaChange[];
  let diff: ReturnType<typeof diffSchemas>;

  beforeAll(async () => {
    const before = await schemaOfCsv(COST_REPORTS);
    const after = await schemaOfCsv(COST_REPORTS_DRIFTED);
    diff = diffSchemas(before, after);
    changes = diff.changes;
    expect(diff.fromFingerprint).toBe(schemaFingerprint(before));
    expect(diff.toFingerprint).toBe(schemaFingerprint(after));
  });

  it('names the likely renames, one-to-one', () => {
    // The README lists three renames; the file also renames period_end → billing_period_end
    // (same values, same name tokens), which a reviewer would expect to see as a rename too.
    expect(ofKind(changes, 'column_renamed').map((r) => [r.from, r.to])).toEqual([
      ['period_start', 'billing_period_start'],
      ['period_end', 'billing_period_end'],
      ['service', 'service_name'],
      ['amount', 'cost_usd'],
    ]);
    expect(ofKind(changes, 'column_renamed').every((r) => r.severity === 'breaking')).toBe(true);
  });

  it('finds amount → cost_usd from its values alone, service → service_name from its name too', () => {
    const renames = ofKind(changes, 'column_renamed');
    expect(renames.find((r) => r.from === 'amount')).toMatchObject({ nameSimilarity: 0, valueOverlap: 1 });
    expect(renames.find((r) => r.from === 'service')!.nameSimilarity).toBeGreaterThan(0.5);
  });

  it('reports the money column turning into money text as a breaking format change', () => {
    expect(ofKind(changes, 'type_changed')).toEqual([
      { kind: 'type_changed', column: 'cost_usd', renamedFrom: 'amount', from: 'decimal', to: 'money_text', change: 'format_change', severity: 'breaking' },
    ]);
  });

  it('reports account_id removed (breaking) and discount added (non-breaking)', () => {
    expect(ofKind(changes, 'column_removed')).toEqual([{ kind: 'column_removed', column: 'account_id', type: 'integer', severity: 'breaking' }]);
    expect(ofKind(changes, 'column_added')).toEqual([
      { kind: 'column_added', column: 'discount', type: 'decimal', nullable: false, severity: 'non_breaking' },
    ]);
  });

  it('has nothing else to report, and is breaking overall', () => {
    expect(changes).toHaveLength(4 + 1 + 1 + 1);
    expect(diff.breaking).toBe(true);
  });
});

describe('diffSchemas', () => {
  it('reports nothing between identical schemas', () => {
    const schema = inferSchema([{ id: '1', amount: '2.5' }]);
    expect(diffSchemas(schema, schema)).toMatchObject({ breaking: false, changes: [] });
  });

  it('reports integer → decimal as a non-breaking widening', () => {
    const diff = diffSchemas(inferSchema([{ qty: '1' }]), inferSchema([{ qty: '1.5' }]));
    expect(diff.changes).toEqual([
      { kind: 'type_changed', column: 'qty', from: 'integer', to: 'decimal', change: 'widening', severity: 'non_breaking' },
    ]);
    expect(diff.breaking).toBe(false);
  });

  it('reports decimal → string as a breaking narrowing', () => {
    const diff = diffSchemas(inferSchema([{ qty: '1.5' }]), inferSchema([{ qty: 'n/a' }]));
    expect(diff.changes).toMatchObject([{ kind: 'type_changed', change: 'narrowing', severity: 'breaking' }]);
  });

  it('reports a column that starts having nulls as breaking, and the reverse as not', () => {
    const filled = inferSchema([{ id: '1', note: 'a' }]);
    const withNulls = inferSchema([{ id: '1', note: 'a' }, { id: '2', note: '' }]);
    expect(diffSchemas(filled, withNulls).changes).toEqual([
      { kind: 'nullability_changed', column: 'note', from: false, to: true, severity: 'breaking' },
    ]);
    expect(diffSchemas(withNulls, filled).changes).toMatchObject([{ kind: 'nullability_changed', severity: 'non_breaking' }]);
  });

  it('reports a changed currency as a breaking format change, a newly seen separator as not', () => {
    const dollars = inferSchema([{ price: '$5.00' }]);
    expect(diffSchemas(dollars, inferSchema([{ price: '€5.00' }])).changes).toEqual([
      {
        kind: 'format_changed',
        column: 'price',
        from: { currency: '$', decimalSeparator: '.' },
        to: { currency: '€', decimalSeparator: '.' },
        severity: 'breaking',
      },
    ]);
    expect(diffSchemas(dollars, inferSchema([{ price: '$5,000.00' }])).changes).toMatchObject([
      { kind: 'format_changed', severity: 'non_breaking' },
    ]);
  });

  it('does not pair unrelated columns as a rename', () => {
    const diff = diffSchemas(inferSchema([{ id: '1', region: 'eu-west-1' }]), inferSchema([{ id: '1', owner_email: 'a@b.co' }]));
    expect(diff.changes.map((c) => c.kind)).toEqual(['column_removed', 'column_added']);
  });

  it('pairs each removed column with at most one added column', () => {
    const before = inferSchema([{ start_date: '2025-01-01' }]);
    const after = inferSchema([{ billing_start_date: '2025-01-01', contract_start_date: '2025-01-01' }]);
    const changes = diffSchemas(before, after).changes;
    expect(ofKind(changes, 'column_renamed')).toHaveLength(1);
    expect(ofKind(changes, 'column_added')).toHaveLength(1);
  });
});
