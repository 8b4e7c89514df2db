import { Query } from '@nestjs/cqrs';
import type { ScheduleView } from '../schedule.view';

/** The tenant's saga schedules with their next run. */
export class ListSchedulesQuery extends Query<ScheduleView[]> {}
