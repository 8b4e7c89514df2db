import { createConnection, getTask, getViewRows, refreshView, uploadConnectionFile, type Client, type TaskDto } from '@autonomos/sdk';
import { RequestContext } from '@autonomos/platform';
import { SetMappingCommand, type FieldInput } from '@autonomos/repair';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TenantFixture } from './factories';
import { expectEventually } from './stack';

/** A filesource connection whose uploads are keyed by `keyColumn`. */
export async function fileConnection(client: Client, name: string, keyColumn: string, domain?: 'finops' | 'revops') {
  const { data, error } = await createConnection({ client, body: { name, kind: 'filesource', config: { keyColumns: [keyColumn] }, ...(domain ? { domain } : {}) } });
  if (!data) throw new Error(JSON.stringify(error));
  return data;
}

/** Uploads a CSV (synced and published at once); returns the stream it became. */
export async function upload(client: Client, connectionId: string, path: string, stream?: string): Promise<string> {
  const file = new File([readFileSync(path)], basename(path), { type: 'text/csv' });
  const { data, error } = await uploadConnectionFile({ client, path: { id: connectionId }, body: { file }, ...(stream ? { query: { stream } } : {}) });
  if (!data) throw new Error(JSON.stringify(error));
  return data.stream;
}

/**
 * Sets a stream's mapping through the repair domain's SetMappingCommand (what an operator's
 * PUT does), in the tenant's context: test-only, until the mapping endpoints are in the SDK.
 */
export function setMapping(api: INestApplication, tenant: TenantFixture, connectionId: string, stream: string, entity: string, fields: Record<string, string | [string, FieldInput['transform']]>) {
  const inputs: FieldInput[] = Object.entries(fields).map(([source, target]) => (Array.isArray(target) ? { source, target: target[0], transform: target[1] } : { source, target }));
  return api
    .get(RequestContext)
    .run(tenant.tenantId, { type: 'user', id: tenant.adminId, role: 'admin' }, () => api.get(CommandBus).execute(new SetMappingCommand(connectionId, stream, entity, inputs)));
}

export async function waitForTask(client: Client, id: string, timeoutMs = 30_000): Promise<TaskDto> {
  return expectEventually(async () => {
    const { data } = await getTask({ client, path: { id } });
    if (data?.status === 'failed') throw new Error(`task failed: ${data.error}`);
    return data?.status === 'succeeded' ? data : undefined;
  }, timeoutMs);
}

export async function refresh(client: Client, view: string, full = false): Promise<TaskDto> {
  const { data, error } = await refreshView({ client, path: { name: view }, body: { full } });
  if (!data) throw new Error(JSON.stringify(error));
  return waitForTask(client, data.id);
}

/** Every row of a view, following the cursor. */
export async function allRows(client: Client, view: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await getViewRows({ client, path: { name: view }, query: { limit: 1000, ...(cursor ? { cursor } : {}) } });
    if (!data) throw new Error(JSON.stringify(error));
    rows.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}
