import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

/**
 * The only way libs touch tenant data: a transaction on the application role with
 * `app.tenant_id` set transaction-locally, so row-level security scopes every statement
 * and a pooled connection never carries one tenant's setting into the next request.
 */
@Injectable()
export class TenantDb {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const tenantId = this.context.tenantId;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(manager);
    });
  }

  /** For the few pre-authentication lookups done through SECURITY DEFINER functions. */
  query<T = unknown>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters);
  }
}
