import type { TaskType } from '@autonomos/tasks';
import { CommandBus } from '@nestjs/cqrs';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { VIEWS } from '../../engine/view-catalog';
import { RefreshResult } from '../../engine/view-refresher';
import { RefreshViewCommand } from './refresh-view.command';

export const VIEW_NAMES = VIEWS.map((view) => view.name);

export class RefreshPayload {
  /** One view; every view when absent. */
  @IsOptional()
  @IsIn(VIEW_NAMES)
  view?: string;

  /** Recompute even when the sources did not change. */
  @IsOptional()
  @IsBoolean()
  full?: boolean;
}

/** The `dcl.refresh` task: one or every view of the task's tenant, each under its own lock. */
export function refreshTask(commands: CommandBus): TaskType<RefreshPayload> {
  return {
    type: 'dcl.refresh',
    payload: RefreshPayload,
    async run({ view, full = false }, task) {
      const names = view ? [view] : VIEW_NAMES;
      const views: RefreshResult[] = [];
      for (const [index, name] of names.entries()) {
        views.push(await commands.execute(new RefreshViewCommand(name, full)));
        await task.progress(((index + 1) / names.length) * 100, `${name} refreshed`);
      }
      return { views };
    },
  };
}
