import { OWNER_DATA_SOURCE } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LegacyTenantsQuery } from './legacy-tenants.query';

/** A cross-tenant system lookup (the stream consumers have no tenant), so it runs as the schema owner. */
@QueryHandler(LegacyTenantsQuery)
export class LegacyTenantsHandler implements IQueryHandler<LegacyTenantsQuery> {
  constructor(@InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource) {}

  async execute({ tenantIds }: LegacyTenantsQuery): Promise<Set<string>> {
    if (tenantIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.owner.query(`SELECT id FROM tenants WHERE id = ANY($1::uuid[]) AND settings->'dcl'->>'mode' = 'legacy'`, [tenantIds]);
    return new Set(rows.map((row) => row.id));
  }
}
