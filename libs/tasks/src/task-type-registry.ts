import { FieldProblem } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { taskErrors } from './tasks.errors';

/** What a running task can tell the world. */
export interface TaskRunContext {
  taskId: string;
  tenantId: string;
  /** Runs of this task so far, this one included (retries and take-overs count). */
  attempt: number;
  /** Records progress (0–100); throws TaskCancelledError once the task was cancelled. */
  progress(percent: number, message?: string): Promise<void>;
}

export interface TaskType<Payload extends object = object> {
  /** Dotted name, owned by a domain: `aam.sync`, `dcl.refresh`, … */
  type: string;
  /** A class-validator class: the payload is checked against it when the task is created. */
  payload: new () => Payload;
  run(payload: Payload, context: TaskRunContext): Promise<object | void>;
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Each domain registers its task types here (in onModuleInit); the api refuses any other. */
@Injectable()
export class TaskTypeRegistry {
  private readonly types = new Map<string, TaskType>();

  register<Payload extends object>(taskType: TaskType<Payload>): void {
    if (this.types.has(taskType.type)) throw new Error(`Task type ${taskType.type} is registered twice`);
    this.types.set(taskType.type, taskType as unknown as TaskType);
  }

  get(type: string): TaskType {
    const taskType = this.types.get(type);
    if (!taskType) throw taskErrors.unknownType(type, this.names());
    return taskType;
  }

  names(): string[] {
    return [...this.types.keys()].sort();
  }

  /** Validates and normalises a payload; a bad one is a 400 naming each field. */
  async validatePayload(type: string, payload: unknown): Promise<object> {
    const taskType = this.get(type);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw taskErrors.invalidPayload([{ field: 'payload', message: 'must be an object' }]);
    }
    const instance = plainToInstance(taskType.payload, payload);
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw taskErrors.invalidPayload(flatten(errors, 'payload'));
    return { ...instance };
  }
}
