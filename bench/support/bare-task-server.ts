// The baseline of bench:api: bare Fastify running the same tenant-scoped read on the same kind
// of pool — transaction, transaction-local app.tenant_id, the same SELECT — and nothing else.
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
const tenantId = process.env.BENCH_TENANT_ID!;
const app = Fastify();

app.get<{ Params: { id: string } }>('/tasks/:id', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query('SELECT * FROM tasks WHERE id = $1 LIMIT 1', [request.params.id]);
    await client.query('COMMIT');
    return rows[0] ?? reply.status(404).send({ status: 404 });
  } finally {
    client.release();
  }
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  console.error(error);
  process.exit(1);
});
