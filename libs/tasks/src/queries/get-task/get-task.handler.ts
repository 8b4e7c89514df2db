import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TaskEntity } from '../../entities/task.entity';
import { toTaskView } from '../../task-view';
import { taskErrors } from '../../tasks.errors';
import { GetTaskQuery } from './get-task.query';

@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ taskId }: GetTaskQuery) {
    const task = await this.db.transaction((manager) => manager.findOne(TaskEntity, { where: { id: taskId } }));
    if (!task) throw taskErrors.notFound(taskId);
    return toTaskView(task);
  }
}
