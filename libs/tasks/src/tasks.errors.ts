import { DomainError, FieldProblem } from '@autonomos/platform';

export enum TaskErrorCode {
  UnknownType = 'unknown_task_type',
  InvalidPayload = 'invalid_task_payload',
  NotFound = 'task_not_found',
  IdempotencyConflict = 'idempotency_key_reused',
  NotCancellable = 'task_not_cancellable',
  NotRetryable = 'task_not_retryable',
  InvalidCursor = 'invalid_cursor',
}

export const taskErrors = {
  unknownType: (type: string, known: string[]) =>
    new DomainError(TaskErrorCode.UnknownType, 'invalid', `Unknown task type "${type}"; known types: ${known.join(', ')}`, [
      { field: 'type', message: 'unknown task type' },
    ]),
  invalidPayload: (fields: FieldProblem[]) => new DomainError(TaskErrorCode.InvalidPayload, 'invalid', 'The task payload is invalid', fields),
  notFound: (id: string) => new DomainError(TaskErrorCode.NotFound, 'not_found', `Task ${id} does not exist`),
  idempotencyConflict: () =>
    new DomainError(TaskErrorCode.IdempotencyConflict, 'conflict', 'This Idempotency-Key was already used with a different request'),
  notCancellable: (status: string) => new DomainError(TaskErrorCode.NotCancellable, 'conflict', `A ${status} task cannot be cancelled`),
  notRetryable: (status: string) => new DomainError(TaskErrorCode.NotRetryable, 'conflict', `A ${status} task cannot be retried; only failed or cancelled tasks can`),
  invalidCursor: () => new DomainError(TaskErrorCode.InvalidCursor, 'invalid', 'The cursor is malformed', [{ field: 'cursor', message: 'malformed' }]),
};

/** Thrown inside a running task when it was cancelled; the worker stops without failing it. */
export class TaskCancelledError extends Error {
  constructor() {
    super('Task was cancelled');
  }
}
