export interface ScheduleView {
  id: string;
  saga: string;
  connectionId: string;
  cron: string;
  nextRunAt: string | null;
  updatedAt: string;
}
