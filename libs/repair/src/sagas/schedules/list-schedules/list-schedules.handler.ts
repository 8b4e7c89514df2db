import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SagaScheduleEntity } from '../../saga-schedule.entity';
import { ScheduleQueue } from '../schedule-queue';
import { ListSchedulesQuery } from './list-schedules.query';

@QueryHandler(ListSchedulesQuery)
export class ListSchedulesHandler implements IQueryHandler<ListSchedulesQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly queue: ScheduleQueue,
  ) {}

  async execute() {
    const rows = await this.db.transaction((manager) => manager.find(SagaScheduleEntity, { order: { createdAt: 'ASC' } }));
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        saga: row.saga,
        connectionId: row.connectionId,
        cron: row.cron,
        nextRunAt: await this.queue.nextRun(row),
        updatedAt: row.updatedAt.toISOString(),
      })),
    );
  }
}
