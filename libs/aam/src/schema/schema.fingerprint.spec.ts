import { COST_REPORTS, schemaOfCsv } from './csv-schema.fixture';
import { schemaFingerprint } from './schema.fingerprint';
import { StreamSchema } from './schema.types';

describe('schemaFingerprint', () => {
  let schema: StreamSchema;
  beforeAll(async () => {
    schema = await schemaOfCsv(COST_REPORTS);
  });

  it('is a SHA-256 hex digest', () => {
    expect(schemaFingerprint(schema)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change when columns are reordered', () => {
    const reordered = { ...schema, columns: [...schema.columns].reverse() };
    expect(schemaFingerprint(reordered)).toBe(schemaFingerprint(schema));
  });

  it('does not change with new data of the same shape', () => {
    const moreRows = {
      rows: 500,
      columns: schema.columns.map((c) => ({ ...c, profile: { ...c.profile, count: 500, samples: ['other'] } })),
    };
    expect(schemaFingerprint(moreRows)).toBe(schemaFingerprint(schema));
  });

  it.each([
    ['a type', { type: 'money_text' as const }],
    ['nullability', { nullable: true }],
    ['a format', { format: { decimalSeparator: ',' } }],
    ['a name', { name: 'cost' }],
  ])('changes when %s changes', (_, change) => {
    const changed = { ...schema, columns: schema.columns.map((c) => (c.name === 'amount' ? { ...c, ...change } : c)) };
    expect(schemaFingerprint(changed)).not.toBe(schemaFingerprint(schema));
  });
});
