import { deleteSchedule, listConnections, listSchedules, upsertSchedule } from '@autonomos/sdk';
import { useState, type FormEvent } from 'react';
import { call, can, client } from '../api';
import { Card, ErrorLine, Loading, useLoad, useSession, When } from '../ui';

export function Schedules() {
  const { role } = useSession();
  const schedules = useLoad(() => call(() => listSchedules({ client })));
  const connections = useLoad(() => call(() => listConnections({ client })));
  const [error, setError] = useState<unknown>();
  const names = new Map(connections.data?.map((c) => [c.id, c.name]));
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(undefined);
    try { await call(() => upsertSchedule({ client, body: { saga: 'drift-scan', connectionId: String(f.get('connectionId')), cron: String(f.get('cron')) } })); void schedules.reload(); } catch (err) { setError(err); }
  };
  return (
    <>
      <h1>Schedules</h1>
      {can.operate(role) && (
        <Card title="Schedule a drift scan">
          <form onSubmit={save} className="toolbar" aria-label="Schedule a drift scan">
            <label>Connection<select name="connectionId" required>{connections.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></label>
            <label>Cron<input name="cron" defaultValue="0 * * * *" required /></label>
            <button type="submit">Save</button>
          </form>
          <ErrorLine error={error} />
        </Card>
      )}
      <Card title="Schedules">
        <Loading loading={schedules.loading} error={schedules.error} />
        {schedules.data?.length === 0 && <p className="muted">No schedules.</p>}
        <table>
          <tbody>
            {schedules.data?.map((s) => (
              <tr key={s.id}>
                <td>{s.saga}</td><td>{names.get(s.connectionId) ?? s.connectionId}</td><td><code>{s.cron}</code></td><td>next <When at={s.nextRunAt} /></td>
                <td>{can.operate(role) && <button className="ghost" onClick={() => void call(() => deleteSchedule({ client, path: { id: s.id } })).then(schedules.reload, setError)}>Delete</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
