import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { ViewRefresher } from '../../engine/view-refresher';
import { getView, VIEWS } from '../../engine/view-catalog';
import { RefreshViewsCommand } from './refresh-views.command';

@CommandHandler(RefreshViewsCommand)
export class RefreshViewsHandler implements ICommandHandler<RefreshViewsCommand> {
  constructor(private readonly refresher: ViewRefresher) {}

  execute({ views, full }: RefreshViewsCommand) {
    const definitions = [...new Set(views)].map((name) => {
      const definition = getView(name);
      if (!definition) throw dclErrors.viewNotFound(name, VIEWS.map((v) => v.name));
      return definition;
    });
    return this.refresher.refresh(definitions, full);
  }
}
