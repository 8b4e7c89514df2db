import { Query } from '@nestjs/cqrs';
import type { DclSettings } from '../../settings/dcl-settings';

/** The current tenant's DCL settings (its mode). */
export class GetDclSettingsQuery extends Query<DclSettings> {}
