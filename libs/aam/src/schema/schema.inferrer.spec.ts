import { COST_REPORTS, COST_REPORTS_DRIFTED, schemaOfCsv } from './csv-schema.fixture';
import { inferSchema, mergeSchemas } from './schema.inferrer';

const shape = (schema: { columns: Array<{ name: string; type: string; nullable: boolean; format: object }> }) =>
  schema.columns.map(({ name, type, nullable, format }) => ({ name, type, nullable, format }));

describe('inferSchema', () => {
  it('infers cost_reports.csv', async () => {
    const schema = await schemaOfCsv(COST_REPORTS);
    expect(schema.rows).toBe(5);
    expect(shape(schema)).toEqual([
      { name: 'report_id', type: 'id', nullable: false, format: {} },
      { name: 'period_start', type: 'date', nullable: false, format: { datePattern: 'YYYY-MM-DD' } },
      { name: 'period_end', type: 'date', nullable: false, format: { datePattern: 'YYYY-MM-DD' } },
      { name: 'service', type: 'string', nullable: false, format: {} },
      { name: 'account_id', type: 'integer', nullable: false, format: {} },
      { name: 'amount', type: 'decimal', nullable: false, format: { decimalSeparator: '.' } },
      { name: 'currency', type: 'string', nullable: false, format: {} },
    ]);
    const amount = schema.columns.find((c) => c.name === 'amount')!;
    expect(amount.profile).toEqual({
      count: 5,
      nullCount: 0,
      nullRatio: 0,
      samples: ['51130.46', '89609.52', '33007.13', '88112.39', '25960.44'],
    });
    expect(schema.columns.find((c) => c.name === 'currency')!.profile.samples).toEqual(['USD']);
  });

  it('infers cost_reports_drifted.csv with the money column as text with its format', async () => {
    const schema = await schemaOfCsv(COST_REPORTS_DRIFTED);
    expect(shape(schema)).toEqual([
      { name: 'report_id', type: 'id', nullable: false, format: {} },
      { name: 'billing_period_start', type: 'date', nullable: false, format: { datePattern: 'YYYY-MM-DD' } },
      { name: 'billing_period_end', type: 'date', nullable: false, format: { datePattern: 'YYYY-MM-DD' } },
      { name: 'service_name', type: 'string', nullable: false, format: {} },
      {
        name: 'cost_usd',
        type: 'money_text',
        nullable: false,
        format: { currency: '$', decimalSeparator: '.', thousandsSeparator: ',' },
      },
      { name: 'currency', type: 'string', nullable: false, format: {} },
      { name: 'discount', type: 'decimal', nullable: false, format: { decimalSeparator: '.' } },
    ]);
  });

  it('records nulls, null ratio and distinct samples', () => {
    const schema = inferSchema([{ n: '1' }, { n: '' }, { n: '1' }, { n: 'NULL' }]);
    expect(schema.columns[0]).toMatchObject({
      type: 'integer',
      nullable: true,
      profile: { count: 4, nullCount: 2, nullRatio: 0.5, samples: ['1'] },
    });
  });

  it('keeps a header-only column as unknown and nullable', () => {
    expect(inferSchema([], ['id']).columns).toEqual([
      { name: 'id', type: 'unknown', nullable: true, format: {}, profile: { count: 0, nullCount: 0, nullRatio: 0, samples: [] } },
    ]);
  });

  it('counts records that lack a key as nulls of that column', () => {
    const schema = inferSchema([{ a: '1' }, { a: '2', b: 'x' }]);
    expect(schema.columns[1]).toMatchObject({ name: 'b', nullable: true, profile: { count: 2, nullCount: 1 } });
  });
});

describe('mergeSchemas', () => {
  it('widens types across batches', () => {
    const merged = mergeSchemas(inferSchema([{ amount: '5', day: '2025-01-01' }]), inferSchema([{ amount: '5.25', day: '2025-01-01T10:00:00Z' }]));
    expect(shape(merged)).toEqual([
      { name: 'amount', type: 'decimal', nullable: false, format: { decimalSeparator: '.' } },
      { name: 'day', type: 'timestamp', nullable: false, format: { datePattern: 'YYYY-MM-DD', timezone: 'offset' } },
    ]);
  });

  it('marks a conflicting format detail as mixed and settles slash dates as day-first', () => {
    const merged = mergeSchemas(
      inferSchema([{ price: '$5.00', day: '01/02/2025' }]),
      inferSchema([{ price: '€5.00', day: '13/02/2025' }]),
    );
    expect(merged.columns[0].format).toEqual({ currency: 'mixed', decimalSeparator: '.' });
    expect(merged.columns[1].format).toEqual({ datePattern: 'DD/MM/YYYY' });
  });

  it('counts a column missing from one batch as nulls there', () => {
    const merged = mergeSchemas(inferSchema([{ a: '1' }, { a: '2' }]), inferSchema([{ a: '3', b: 'x' }]));
    expect(merged.rows).toBe(3);
    expect(merged.columns[1]).toMatchObject({ name: 'b', type: 'string', nullable: true, profile: { count: 3, nullCount: 2 } });
  });
});
