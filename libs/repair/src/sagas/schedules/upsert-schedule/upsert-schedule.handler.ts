import { GetConnectionQuery } from '@autonomos/aam';
import { AuditLog } from '@autonomos/hitl';
import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { SagaScheduleEntity } from '../../saga-schedule.entity';
import { ScheduleQueue } from '../schedule-queue';
import { UpsertScheduleCommand } from './upsert-schedule.command';

@CommandHandler(UpsertScheduleCommand)
export class UpsertScheduleHandler implements ICommandHandler<UpsertScheduleCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly queue: ScheduleQueue,
    private readonly queries: QueryBus,
    private readonly audit: AuditLog,
  ) {}

  async execute({ saga, connectionId, cron }: UpsertScheduleCommand) {
    await this.queries.execute(new GetConnectionQuery(connectionId)); // 404 for another tenant's
    const tenantId = this.context.tenantId;
    const job = { tenantId, saga, connectionId };
    // The scheduler first: it is what refuses a bad pattern, before anything is stored.
    await this.queue.upsert(job, cron);
    const row = await this.db.transaction(async (manager) => {
      await manager.upsert(SagaScheduleEntity, { id: randomUUID(), tenantId, saga, connectionId, cron }, { conflictPaths: ['tenantId', 'saga', 'connectionId'], skipUpdateIfNoValuesChanged: false });
      const row = await manager.findOneByOrFail(SagaScheduleEntity, { saga, connectionId });
      await this.audit.record(manager, { action: 'schedule.updated', subjectType: 'saga_schedule', subjectId: row.id, after: { saga, connectionId, cron } });
      return row;
    });
    return { id: row.id, saga, connectionId, cron, nextRunAt: await this.queue.nextRun(job), updatedAt: row.updatedAt.toISOString() };
  }
}
