// The baseline worker of bench:tasks: a BullMQ Worker with the same concurrency and no work.
import { Worker } from 'bullmq';
import { redisOptions } from '../../libs/platform/src/redis/redis';

const worker = new Worker(process.env.BENCH_QUEUE!, async () => ({ ok: true }), {
  connection: redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
  prefix: process.env.REDIS_PREFIX,
  concurrency: Number(process.env.WORKER_CONCURRENCY),
  removeOnComplete: { count: 100_000 },
});
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
