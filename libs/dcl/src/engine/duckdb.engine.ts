import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';

/**
 * The process's embedded DuckDB: scratch compute, nothing kept. Each refresh gets its own
 * connection and builds TEMP tables, which only that connection sees, so refreshes of several
 * tenants in one worker never meet.
 */
@Injectable()
export class DuckDbEngine implements OnApplicationShutdown {
  private instance?: Promise<DuckDBInstance>;

  async withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    this.instance ??= DuckDBInstance.create(':memory:');
    const connection = await (await this.instance).connect();
    try {
      await connection.run(`SET TimeZone = 'UTC'`);
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.instance) (await this.instance).closeSync();
  }
}
