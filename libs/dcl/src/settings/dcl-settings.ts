/**
 * How the DCL gets a tenant's records (strangler fig): `aam` reads the AAM's Redis Streams
 * (the default); `legacy` reads each connection directly through its connector, on demand
 * (the `dcl.legacy-load` task), and the stream consumers leave the tenant's streams unread.
 * Both map through the same active mappings into the same entity rows, so the views agree.
 */
export const DCL_MODES = ['aam', 'legacy'] as const;
export type DclMode = (typeof DCL_MODES)[number];

/** `tenants.settings.dcl`. */
export interface DclSettings {
  mode: DclMode;
}

export const DEFAULT_DCL_SETTINGS: DclSettings = { mode: 'aam' };

/** The DCL part of a tenant's settings; anything unknown reads as the default. */
export function dclSettingsOf(settings: Record<string, unknown> | null | undefined): DclSettings {
  const mode = (settings?.dcl as { mode?: unknown } | undefined)?.mode;
  return { mode: DCL_MODES.includes(mode as DclMode) ? (mode as DclMode) : DEFAULT_DCL_SETTINGS.mode };
}
