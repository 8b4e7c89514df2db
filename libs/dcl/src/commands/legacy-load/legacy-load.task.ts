import type { TaskType } from '@autonomos/tasks';
import { CommandBus } from '@nestjs/cqrs';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { LegacyLoadCommand } from './legacy-load.command';

export class LegacyLoadPayload {
  @IsUUID()
  connectionId: string;

  /** One stream; every stream of the connection when absent. */
  @IsOptional()
  @IsString()
  stream?: string;
}

/** The `dcl.legacy-load` task: a connection read directly into entity rows (legacy mode only). */
export function legacyLoadTask(commands: CommandBus): TaskType<LegacyLoadPayload> {
  return {
    type: 'dcl.legacy-load',
    payload: LegacyLoadPayload,
    run: ({ connectionId, stream }) => commands.execute(new LegacyLoadCommand(connectionId, stream)),
  };
}
