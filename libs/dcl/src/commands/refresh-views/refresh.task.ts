import type { TaskType } from '@autonomos/tasks';
import { CommandBus } from '@nestjs/cqrs';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { VIEWS } from '../../engine/view-catalog';
import { RefreshResult } from '../../engine/view-refresher';
import { RefreshViewsCommand } from './refresh-views.command';

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

/** The `dcl.refresh` task: one or every view of the task's tenant, a domain at a time. */
export function refreshTask(commands: CommandBus): TaskType<RefreshPayload> {
  return {
    type: 'dcl.refresh',
    payload: RefreshPayload,
    async run({ view, full = false }, task) {
      const chosen = VIEWS.filter((v) => (view ? v.name === view : true));
      const domains = [...new Set(chosen.map((v) => v.domain))];
      const views: RefreshResult[] = [];
      for (const [index, domain] of domains.entries()) {
        const names = chosen.filter((v) => v.domain === domain).map((v) => v.name);
        views.push(...(await commands.execute(new RefreshViewsCommand(names, full))));
        await task.progress(((index + 1) / domains.length) * 100, `${names.join(', ')} refreshed`);
      }
      return { views };
    },
  };
}
