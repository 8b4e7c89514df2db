import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TaskStore } from '../../task-store';
import { toTaskView } from '../../task-view';
import { taskErrors } from '../../tasks.errors';
import { GetTaskQuery } from './get-task.query';

@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(private readonly tasks: TaskStore) {}

  async execute({ taskId }: GetTaskQuery) {
    const task = await this.tasks.find(taskId);
    if (!task) throw taskErrors.notFound(taskId);
    return toTaskView(task);
  }
}
