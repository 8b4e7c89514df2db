import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';

/** A stream's schema fingerprint changed; the drift row holds the typed diff. Sent through the outbox. */
export class SchemaDriftDetected extends IntegrationEvent {
  readonly type = 'aam.schema_drift_detected';
  constructor(
    tenantId: string,
    readonly connectionId: string,
    readonly stream: string,
    readonly driftId: string,
    readonly fromFingerprint: string,
    readonly toFingerprint: string,
    readonly breaking: boolean,
  ) {
    super(tenantId, driftId);
  }
}
registerIntegrationEvent('aam.schema_drift_detected', SchemaDriftDetected);
