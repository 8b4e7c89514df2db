import { OWNER_DATA_SOURCE } from '@autonomos/platform';
import { TASK_STATUSES, TaskQueue } from '@autonomos/tasks';
import { Controller, Get, Header, Injectable } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { Public } from '../http/auth.guard';

/** Prometheus metrics: request durations, tasks by status, queue depths, process defaults. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource(OWNER_DATA_SOURCE) owner: DataSource,
    tasks: TaskQueue,
  ) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'autonomos_tasks',
      help: 'Tasks by status, all tenants',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const rows: { status: string; count: string }[] = await owner.query('SELECT status, count(*) AS count FROM tasks GROUP BY status');
        for (const status of TASK_STATUSES) this.set({ status }, Number(rows.find((row) => row.status === status)?.count ?? 0));
      },
    });
    new Gauge({
      name: 'autonomos_queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const counts = await tasks.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        for (const [state, count] of Object.entries(counts)) this.set({ queue: tasks.queue.name, state }, count);
      },
    });
  }
}

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
