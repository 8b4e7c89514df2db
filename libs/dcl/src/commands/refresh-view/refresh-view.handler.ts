import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { ViewRefresher } from '../../engine/view-refresher';
import { getView, VIEWS } from '../../engine/view-catalog';
import { RefreshViewCommand } from './refresh-view.command';

@CommandHandler(RefreshViewCommand)
export class RefreshViewHandler implements ICommandHandler<RefreshViewCommand> {
  constructor(private readonly refresher: ViewRefresher) {}

  execute({ view, full }: RefreshViewCommand) {
    const definition = getView(view);
    if (!definition) throw dclErrors.viewNotFound(view, VIEWS.map((v) => v.name));
    return this.refresher.refresh(definition, full);
  }
}
