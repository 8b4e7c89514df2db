/** The pilot a source's records feed. `unknown` passes through unfiltered. */
export type PilotDomain = 'finops' | 'revops' | 'unknown';

export const FINOPS_SOURCES = ['snowflake', 'sap', 'netsuite', 'legacy_sql', 'filesource'] as const;
export const REVOPS_SOURCES = ['dynamics', 'salesforce', 'hubspot'] as const;

const DOMAIN_BY_SOURCE = new Map<string, PilotDomain>([
  ...FINOPS_SOURCES.map((s): [string, PilotDomain] => [s, 'finops']),
  ...REVOPS_SOURCES.map((s): [string, PilotDomain] => [s, 'revops']),
]);

/**
 * The domain of a connection's records: its own override when set (a CSV of CRM exports is
 * RevOps data even though file sources default to FinOps), else by source kind.
 */
export function routeDomain(sourceKind: string, override?: PilotDomain | null): PilotDomain {
  if (override) return override;
  // "Legacy-SQL" and "legacy sql" name the same kind as "legacy_sql".
  const kind = sourceKind.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return DOMAIN_BY_SOURCE.get(kind) ?? 'unknown';
}
