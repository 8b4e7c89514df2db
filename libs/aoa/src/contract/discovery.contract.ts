import { z } from 'zod';

/**
 * The wire contract with the AOS Discover service (AOD):
 *
 *   POST {AOD_BASE_URL}/discover      headers: content-type: application/json, x-correlation-id
 *   body DiscoveryRequest  →  200 DiscoveryResponse
 *
 * A full scan (`scope: "full"`) pages with `cursor`/`nextCursor`; a query scan answers the
 * assets matching a natural-language request. Both sides are checked: what we send (strict),
 * what AOD answers (unknown extra fields are ignored, a missing or mistyped one is off-contract),
 * and the hand-off to the agent step.
 */
export const DATA_CLASSES = ['credentials', 'health', 'pii', 'financial', 'confidential', 'internal', 'public'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
export const EXPOSURES = ['public', 'partner', 'internal', 'private'] as const;
export const ASSET_KINDS = ['database', 'warehouse', 'bucket', 'saas_app', 'file_share', 'spreadsheet', 'api'] as const;
export const SCOPES = ['query', 'full'] as const;
export const QUERY_MAX_LENGTH = 500;

export const DiscoveryRequest = z.strictObject({
  tenantId: z.uuid(),
  scope: z.enum(SCOPES),
  /** Natural language ("customer databases holding card data"); `*` for a full scan. */
  query: z.string().trim().min(1).max(QUERY_MAX_LENGTH),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.int().min(1).max(1000).optional(),
});
export type DiscoveryRequest = z.infer<typeof DiscoveryRequest>;

export const DiscoveredAsset = z.object({
  /** AOD's stable id of the asset: the key it is stored (and reviewed) under. */
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
  kind: z.enum(ASSET_KINDS),
  /** Technology, when AOD recognised it: postgres, salesforce, mongodb, snowflake, s3, csv, … */
  vendor: z.string().min(1).max(100).nullable(),
  owner: z.string().min(1).max(200).nullable(),
  dataClasses: z.array(z.enum(DATA_CLASSES)).max(DATA_CLASSES.length),
  exposure: z.enum(EXPOSURES),
  encrypted: z.boolean(),
  lastReviewedAt: z.iso.datetime({ offset: true }).nullable(),
  records: z.int().min(0).nullable(),
});
export type DiscoveredAsset = z.infer<typeof DiscoveredAsset>;

export const DiscoveryResponse = z.object({
  requestId: z.string().min(1).max(200),
  /** When AOD took the snapshot: asset ages (last review) are measured against it, never against our clock. */
  scannedAt: z.iso.datetime({ offset: true }),
  assets: z.array(DiscoveredAsset).max(1000),
  nextCursor: z.string().min(1).max(200).nullable(),
});
export type DiscoveryResponse = z.infer<typeof DiscoveryResponse>;

/** What the AOA hands to its agent step: the validated answer with who asked and why. */
export const DiscoveryHandoff = z.strictObject({
  tenantId: z.uuid(),
  correlationId: z.string().min(1).max(200),
  scope: z.enum(SCOPES),
  query: z.string().min(1).max(QUERY_MAX_LENGTH),
  requestId: z.string().min(1).max(200),
  scannedAt: z.iso.datetime({ offset: true }),
  assets: z.array(DiscoveredAsset),
});
export type DiscoveryHandoff = z.infer<typeof DiscoveryHandoff>;

/** `assets[3].exposure`: how a problem's field is named to the caller. */
export const issuePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '') || '(body)';
