import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TaskEntity } from '../../entities/task.entity';
import { toTaskView } from '../../task-view';
import { taskErrors } from '../../tasks.errors';
import { ListTasksQuery } from './list-tasks.query';

const encodeCursor = (task: TaskEntity) => Buffer.from(`${task.createdAt.toISOString()}|${task.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw taskErrors.invalidCursor();
  return { createdAt, id };
}

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter, limit, cursor }: ListTasksQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const tasks = await this.db.transaction((manager) => {
      const query = manager.createQueryBuilder(TaskEntity, 'task').orderBy('task.created_at', 'DESC').addOrderBy('task.id', 'DESC').limit(limit + 1);
      if (filter.status) query.andWhere('task.status = :status', { status: filter.status });
      if (filter.type) query.andWhere('task.type = :type', { type: filter.type });
      if (after) query.andWhere('(task.created_at, task.id) < (:createdAt, :id)', after);
      return query.getMany();
    });
    const page = tasks.slice(0, limit);
    return { items: page.map(toTaskView), nextCursor: tasks.length > limit ? encodeCursor(page[page.length - 1]) : null };
  }
}
