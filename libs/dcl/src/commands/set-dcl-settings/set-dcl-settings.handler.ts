import { AuditLog } from '@autonomos/hitl';
import { DomainError, RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DCL_MODES, dclSettingsOf } from '../../settings/dcl-settings';
import { SetDclSettingsCommand } from './set-dcl-settings.command';

@CommandHandler(SetDclSettingsCommand)
export class SetDclSettingsHandler implements ICommandHandler<SetDclSettingsCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {}

  async execute({ settings }: SetDclSettingsCommand) {
    if (!DCL_MODES.includes(settings.mode)) {
      throw new DomainError('invalid_input', 'invalid', 'The request is invalid', [{ field: 'mode', message: `must be one of ${DCL_MODES.join(', ')}` }]);
    }
    const tenantId = this.context.tenantId;
    const after = { mode: settings.mode };
    return this.db.transaction(async (manager) => {
      const [row]: { settings: Record<string, unknown> }[] = await manager.query('SELECT settings FROM tenants WHERE id = $1 FOR UPDATE', [tenantId]);
      const before = dclSettingsOf(row?.settings);
      await manager.query(`UPDATE tenants SET settings = jsonb_set(settings, '{dcl}', coalesce(settings->'dcl', '{}'::jsonb) || $2::jsonb) WHERE id = $1`, [tenantId, JSON.stringify(after)]);
      await this.audit.record(manager, { action: 'dcl.settings.updated', subjectType: 'dcl_settings', subjectId: tenantId, before, after });
      return after;
    });
  }
}
