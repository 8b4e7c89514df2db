import { routeDomain } from './domain.router';

describe('routeDomain', () => {
  it.each(['snowflake', 'sap', 'netsuite', 'legacy_sql', 'filesource'])('routes %s to finops', (kind) => {
    expect(routeDomain(kind)).toBe('finops');
  });

  it.each(['dynamics', 'salesforce', 'hubspot'])('routes %s to revops', (kind) => {
    expect(routeDomain(kind)).toBe('revops');
  });

  it.each(['postgres', 'mongodb', ''])('routes %j to unknown', (kind) => {
    expect(routeDomain(kind)).toBe('unknown');
  });

  it('normalises case, spaces and hyphens', () => {
    expect(routeDomain(' Legacy-SQL ')).toBe('finops');
    expect(routeDomain('Salesforce')).toBe('revops');
  });

  it('lets a connection override its source kind', () => {
    expect(routeDomain('filesource', 'revops')).toBe('revops');
    expect(routeDomain('postgres', 'finops')).toBe('finops');
    expect(routeDomain('salesforce', null)).toBe('revops');
  });
});
