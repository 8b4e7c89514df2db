import { entrySeq, parseDclStreamKey } from './dcl-streams';

describe('DCL stream keys', () => {
  it('reads tenant and source, and leaves dead-letter streams alone', () => {
    const tenant = '0b7e4a1c-2f7d-4f6e-9a51-3c1e2d4b5a69';
    expect(parseDclStreamKey(`aam:dcl:${tenant}:filesource`)).toEqual({ key: `aam:dcl:${tenant}:filesource`, tenantId: tenant, sourceKind: 'filesource' });
    expect(parseDclStreamKey(`aam:dcl:${tenant}:filesource:dead`)).toBeUndefined();
  });

  it('orders entry ids as numbers', () => {
    expect(BigInt(entrySeq('1700000000000-12'))).toBeGreaterThan(BigInt(entrySeq('1700000000000-3')));
    expect(BigInt(entrySeq('1700000000001-0'))).toBeGreaterThan(BigInt(entrySeq('1700000000000-999')));
  });
});
