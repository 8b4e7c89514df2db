import { DomainError } from '@autonomos/platform';

export enum EventsErrorCode {
  InvalidTopics = 'invalid_topics',
  InvalidLastEventId = 'invalid_last_event_id',
}

export const eventsErrors = {
  invalidTopics: (field: string, detail: string) => new DomainError(EventsErrorCode.InvalidTopics, 'invalid', detail, [{ field, message: detail }]),
  invalidLastEventId: (field: string) =>
    new DomainError(EventsErrorCode.InvalidLastEventId, 'invalid', `${field} must be an event id received from this stream, such as 1718000000000-0`, [
      { field, message: 'must look like <milliseconds>-<sequence>' },
    ]),
};
