import { FieldProblem } from '@autonomos/platform';
import { canonicalEventId, payloadHash } from './canonical-event.builder';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Problems with an event, one per field; empty when it is valid. Also checks that the id and
 * content hash match the content, so an event altered after it was built is caught.
 */
export function validateCanonicalEvent(event: unknown): FieldProblem[] {
  if (!isObject(event)) return [{ field: '', message: 'must be an object' }];
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  if (!isString(event.tenantId) || !UUID.test(event.tenantId)) problem('tenantId', 'must be a UUID');
  for (const field of ['connectionId', 'stream', 'recordKey'] as const) {
    if (!isString(event[field]) || event[field] === '') problem(field, 'must be a non-empty string');
  }
  if (!isString(event.sourceKind) || !/^[a-z][a-z0-9_]*$/.test(event.sourceKind)) {
    problem('sourceKind', 'must be a lower-case connector kind such as filesource');
  }
  if (event.operation !== 'upsert' && event.operation !== 'delete') problem('operation', 'must be upsert or delete');
  if (!isString(event.schemaVersion) || !SHA256.test(event.schemaVersion)) problem('schemaVersion', 'must be a schema fingerprint (SHA-256 hex)');
  if (!isString(event.ingestedAt) || !ISO_TIMESTAMP.test(event.ingestedAt) || Number.isNaN(Date.parse(event.ingestedAt))) {
    problem('ingestedAt', 'must be an ISO 8601 timestamp with a time zone');
  }

  const payload = event.payload;
  if (!isObject(payload)) problem('payload', 'must be an object');
  else {
    for (const [name, value] of Object.entries(payload)) {
      if (typeof value === 'number') problem(`payload.${name}`, 'must be text, not a number: decimals and money lose precision as JS floats');
      else if (value !== null && !isString(value)) problem(`payload.${name}`, 'must be a string or null');
    }
  }

  const metadata = event.metadata;
  if (!isObject(metadata)) problem('metadata', 'must be an object');
  else {
    if (metadata.rowNumber !== undefined && !(Number.isInteger(metadata.rowNumber) && (metadata.rowNumber as number) >= 1)) {
      problem('metadata.rowNumber', 'must be a positive integer');
    }
    if (metadata.fileChecksum !== undefined && !(isString(metadata.fileChecksum) && SHA256.test(metadata.fileChecksum))) {
      problem('metadata.fileChecksum', 'must be a SHA-256 hex digest');
    }
    if (!Array.isArray(metadata.qualityFlags)) problem('metadata.qualityFlags', 'must be an array');
    // Only a well-formed event can be checked against its own content.
    if (problems.length === 0 && metadata.contentHash !== payloadHash(payload as Record<string, string | null>)) {
      problem('metadata.contentHash', 'does not match the payload');
    }
  }

  if (!isString(event.eventId) || !UUID.test(event.eventId)) problem('eventId', 'must be a UUID');
  else if (problems.length === 0) {
    const expected = canonicalEventId({
      tenantId: event.tenantId as string,
      connectionId: event.connectionId as string,
      stream: event.stream as string,
      recordKey: event.recordKey as string,
      operation: event.operation as 'upsert' | 'delete',
      contentHash: (metadata as { contentHash: string }).contentHash,
    });
    if (event.eventId !== expected) problem('eventId', 'does not match the event content');
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
