import { OWNER_DATA_SOURCE } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KnownTenantsQuery } from './known-tenants.query';

/** A cross-tenant system lookup (no tenant in context yet), so it runs as the schema owner. */
@QueryHandler(KnownTenantsQuery)
export class KnownTenantsHandler implements IQueryHandler<KnownTenantsQuery> {
  constructor(@InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource) {}

  async execute({ tenantIds }: KnownTenantsQuery): Promise<Set<string>> {
    const rows: { id: string }[] = await this.owner.query('SELECT id FROM tenants WHERE id = ANY($1::uuid[])', [tenantIds]);
    return new Set(rows.map((row) => row.id));
  }
}
