import { ReplayQuarantineCommand, ScanDriftCommand } from '@autonomos/aam';
import type { TaskType } from '@autonomos/tasks';
import { CommandBus } from '@nestjs/cqrs';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

export class DriftScanPayload {
  @IsUUID()
  connectionId: string;

  /** One stream; every stream of the connection when absent. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,200}$/, { message: 'stream must be a stream name' })
  stream?: string;
}

export class ReplayPayload {
  @IsUUID()
  connectionId: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,200}$/, { message: 'stream must be a stream name' })
  stream: string;
}

/** Sagas an operator can run now (POST /sagas/:name/run, the CLI) or on a schedule: name → task type. */
export const SAGA_TASKS = { 'drift-scan': 'saga.drift-scan', 'replay-quarantine': 'saga.replay-quarantine' } as const;
export type SagaName = keyof typeof SAGA_TASKS;

export function sagaTaskTypes(commands: CommandBus): TaskType[] {
  const driftScan: TaskType<DriftScanPayload> = {
    type: SAGA_TASKS['drift-scan'],
    payload: DriftScanPayload,
    async run({ connectionId, stream }, task) {
      await task.progress(5, 'reading the source schema');
      const streams = await commands.execute(
        new ScanDriftCommand(connectionId, stream, (done, total, name) => task.progress((done / total) * 100, `${name}: ${done} of ${total} stream(s) scanned`)),
      );
      return { streams, drifts: streams.reduce((sum, s) => sum + s.driftIds.length, 0) };
    },
  };
  const replay: TaskType<ReplayPayload> = {
    type: SAGA_TASKS['replay-quarantine'],
    payload: ReplayPayload,
    run: ({ connectionId, stream }) => commands.execute(new ReplayQuarantineCommand(connectionId, stream)),
  };
  return [driftScan as unknown as TaskType, replay as unknown as TaskType];
}
