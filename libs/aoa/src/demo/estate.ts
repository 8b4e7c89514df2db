import type { DataClass, DiscoveredAsset } from '../contract/discovery.contract';

/** AOD's snapshot time of the demo estate: fixed, so the estate (and its levels) never change. */
export const ESTATE_SCANNED_AT = '2026-05-01T00:00:00.000Z';

/** mulberry32: a tiny seeded generator, so "random-looking" estates are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks by weight: [[value, weight], …]. */
const weighted = <T>(next: () => number, options: [T, number][]): T => {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [value, weight] of options) if ((roll -= weight) < 0) return value;
  return options[options.length - 1][0];
};

const TECH: [Pick<DiscoveredAsset, 'kind' | 'vendor'>, number][] = [
  [{ kind: 'database', vendor: 'postgres' }, 22],
  [{ kind: 'database', vendor: 'mongodb' }, 8],
  [{ kind: 'database', vendor: 'supabase' }, 5],
  [{ kind: 'warehouse', vendor: 'snowflake' }, 8],
  [{ kind: 'saas_app', vendor: 'salesforce' }, 8],
  [{ kind: 'saas_app', vendor: 'hubspot' }, 5],
  [{ kind: 'bucket', vendor: 's3' }, 16],
  [{ kind: 'file_share', vendor: 'csv' }, 10],
  [{ kind: 'spreadsheet', vendor: null }, 10],
  [{ kind: 'api', vendor: null }, 8],
];
// Shares of data in a typical estate: mostly internal, a fifth personal, some financial.
const DATA: [DataClass[], number][] = [
  [['internal'], 36],
  [['public'], 12],
  [['confidential'], 8],
  [['pii'], 18],
  [['financial'], 12],
  [['pii', 'financial'], 6],
  [['health'], 3],
  [['credentials'], 3],
  [[], 2],
];
const EXPOSURE: [DiscoveredAsset['exposure'], number][] = [
  ['internal', 58],
  ['private', 22],
  ['partner', 12],
  ['public', 8],
];
const TEAMS = ['finance', 'sales', 'marketing', 'platform', 'data', 'hr', 'support', 'security'];
const SUBJECTS = ['customers', 'invoices', 'payroll', 'leads', 'orders', 'telemetry', 'tickets', 'contracts', 'cloud-costs', 'web-logs', 'patients', 'secrets'];

/**
 * A typical company's estate, as AOD would report it: `size` assets whose attributes follow the
 * shares above. Seeded: the same (size, seed) always gives the same estate.
 */
export function generateEstate(size = 200, seed = 3): DiscoveredAsset[] {
  const next = seeded(seed);
  return Array.from({ length: size }, (_, index) => {
    const tech = weighted(next, TECH);
    const dataClasses = weighted(next, DATA);
    const team = TEAMS[Math.floor(next() * TEAMS.length)];
    const subject = SUBJECTS[Math.floor(next() * SUBJECTS.length)];
    const reviewRoll = next();
    // A fifth never reviewed, a fifth reviewed over a year before the snapshot.
    const lastReviewedAt = reviewRoll < 0.2 ? null : new Date(Date.parse(ESTATE_SCANNED_AT) - (reviewRoll < 0.4 ? 400 : 30 + Math.floor(next() * 300)) * 86_400_000).toISOString();
    return {
      id: `asset-${String(index + 1).padStart(4, '0')}`,
      name: `${team}-${subject}-${tech.vendor ?? tech.kind}-${index + 1}`,
      kind: tech.kind,
      vendor: tech.vendor,
      owner: next() < 0.15 ? null : `${team}-lead@example.com`,
      dataClasses,
      exposure: weighted(next, EXPOSURE),
      encrypted: next() < 0.8,
      lastReviewedAt,
      records: tech.kind === 'api' ? null : Math.floor(next() * 1_000_000),
    };
  });
}
