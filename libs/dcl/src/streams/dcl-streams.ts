/** The AAM publishes a tenant's records per source kind to `aam:dcl:{tenant}:{source}`. */
export const DCL_STREAM_PATTERN = 'aam:dcl:*';
const KEY = /^aam:dcl:([0-9a-f-]{36}):([^:]+)$/;

export interface DclStreamRef {
  key: string;
  tenantId: string;
  sourceKind: string;
}

/** The tenant and source of a DCL stream key; undefined for anything else (dead letters included). */
export function parseDclStreamKey(key: string): DclStreamRef | undefined {
  const match = KEY.exec(key);
  return match ? { key, tenantId: match[1], sourceKind: match[2] } : undefined;
}

/** Entries that kept failing move here, with their error; `GET /debug/streams` counts them as dead letters. */
export const deadLetterKey = (key: string) => `${key}:dead`;

/** A Redis entry id (`<ms>-<seq>`) as one increasing number, so rows can tell newer from older. */
export function entrySeq(entryId: string): string {
  const [ms, seq] = entryId.split('-');
  return (BigInt(ms) * 1_000_000n + BigInt(seq ?? 0)).toString();
}
