import { AuditLog } from '@autonomos/hitl';
import { notFound, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SagaScheduleEntity } from '../../saga-schedule.entity';
import { ScheduleQueue } from '../schedule-queue';
import { DeleteScheduleCommand } from './delete-schedule.command';

@CommandHandler(DeleteScheduleCommand)
export class DeleteScheduleHandler implements ICommandHandler<DeleteScheduleCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly queue: ScheduleQueue,
    private readonly audit: AuditLog,
  ) {}

  async execute({ id }: DeleteScheduleCommand) {
    const row = await this.db.transaction(async (manager) => {
      const row = await manager.findOne(SagaScheduleEntity, { where: { id } });
      if (!row) throw notFound('Schedule', id);
      await manager.delete(SagaScheduleEntity, { id });
      await this.audit.record(manager, { action: 'schedule.deleted', subjectType: 'saga_schedule', subjectId: id, before: { saga: row.saga, connectionId: row.connectionId, cron: row.cron } });
      return row;
    });
    await this.queue.remove(row);
  }
}
