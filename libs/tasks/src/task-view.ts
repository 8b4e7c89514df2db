import type { TaskEntity, TaskStatus } from './entities/task.entity';

export interface TaskView {
  id: string;
  type: string;
  status: TaskStatus;
  payload: object;
  progress: number;
  progressMessage: string | null;
  attempts: number;
  error: string | null;
  result: object | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const toTaskView = (task: TaskEntity): TaskView => ({
  id: task.id,
  type: task.type,
  status: task.status,
  payload: task.payload,
  progress: task.progress,
  progressMessage: task.progressMessage,
  attempts: task.attempts,
  error: task.error,
  result: task.result,
  createdAt: task.createdAt.toISOString(),
  updatedAt: task.updatedAt.toISOString(),
  startedAt: task.startedAt?.toISOString() ?? null,
  finishedAt: task.finishedAt?.toISOString() ?? null,
});
