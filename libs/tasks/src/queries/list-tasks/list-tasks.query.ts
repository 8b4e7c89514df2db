import { Query } from '@nestjs/cqrs';
import type { TaskStatus } from '../../entities/task.entity';
import type { TaskView } from '../../task-view';

export interface TaskPage {
  items: TaskView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Newest first, keyset-paginated (stable while tasks are being added). */
export class ListTasksQuery extends Query<TaskPage> {
  constructor(
    readonly filter: { status?: TaskStatus; type?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
