import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { RequestContext } from '../context/request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A query runner whose transaction starts already scoped to its tenant: START TRANSACTION and
 * the transaction-local `app.tenant_id` go to PostgreSQL in one round trip instead of two (each
 * round trip is a socket write and a statement, a good part of a small read's cost). Nested
 * transactions are savepoints, as TypeORM makes them.
 */
class TenantQueryRunner extends PostgresQueryRunner {
  constructor(
    driver: PostgresDriver,
    private readonly tenantId: string,
  ) {
    super(driver, 'master');
    // The literal below must never carry anything but a UUID.
    if (!UUID.test(tenantId)) throw new Error(`Refusing a tenant id that is not a UUID: ${JSON.stringify(tenantId)}`);
  }

  override async startTransaction(): Promise<void> {
    if (this.transactionDepth > 0) return super.startTransaction();
    // Marked open before the round trip: if it fails half-way, the caller's rollback still runs.
    this.isTransactionActive = true;
    this.transactionDepth = 1;
    await this.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${this.tenantId}', true)`);
  }
}

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

  /** Runs `work` in one transaction scoped to the context's tenant; commits if it resolves, rolls back if it throws. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = new TenantQueryRunner(this.dataSource.driver as PostgresDriver, this.context.tenantId);
    Object.assign(runner, { manager: this.dataSource.createEntityManager(runner) });
    try {
      await runner.startTransaction();
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** For the few pre-authentication lookups done through SECURITY DEFINER functions. */
  query<T = unknown>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters);
  }
}
