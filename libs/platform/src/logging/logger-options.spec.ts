import { redactUrl } from './logger-options';

describe('redactUrl', () => {
  it('blanks the access token of a query string and keeps the rest', () => {
    expect(redactUrl('/events/stream?topics=task.*&access_token=eyJ.abc.def&lastEventId=1-0')).toBe('/events/stream?topics=task.*&access_token=[redacted]&lastEventId=1-0');
    expect(redactUrl('/events/ws?ACCESS_TOKEN=x')).toBe('/events/ws?ACCESS_TOKEN=[redacted]');
    expect(redactUrl('/tasks?limit=5')).toBe('/tasks?limit=5');
  });
});
