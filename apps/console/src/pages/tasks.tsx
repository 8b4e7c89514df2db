import { cancelTask, listTasks, retryTask, type ListTasksData } from '@autonomos/sdk';
import { useState } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, Loading, Progress, statusTone, useLiveReload, useLoad, useSession, When } from '../ui';

export function Tasks() {
  const { role } = useSession();
  const [status, setStatus] = useState<NonNullable<ListTasksData['query']>['status']>();
  const tasks = useLoad(() => call(() => listTasks({ client, query: { status, limit: 50 } })), [status]);
  const [error, setError] = useState<unknown>();
  useLiveReload(['task.'], () => void tasks.reload());
  const act = async (fn: () => Promise<unknown>) => { setError(undefined); try { await fn(); void tasks.reload(); } catch (e) { setError(e); } };
  return (
    <>
      <h1>Tasks</h1>
      <Card title="Tasks" actions={<label>Status<select value={status ?? ''} onChange={(e) => setStatus((e.target.value || undefined) as typeof status)}><option value="">any</option>{['queued', 'running', 'succeeded', 'failed', 'cancelled'].map((s) => <option key={s}>{s}</option>)}</select></label>}>
        <ErrorLine error={error} />
        <Loading loading={tasks.loading && !tasks.data} error={tasks.error} />
        <table>
          <thead><tr><th>Type</th><th>Status</th><th>Progress</th><th>Attempts</th><th>Updated</th><th /></tr></thead>
          <tbody>
            {tasks.data?.items.map((t) => (
              <tr key={t.id}>
                <td title={t.id}>{t.type}</td>
                <td><Badge tone={statusTone[t.status]}>{t.status}</Badge>{t.error && <div className="muted">{t.error}</div>}</td>
                <td style={{ minWidth: 120 }}><Progress value={t.progress} label={`Progress of ${t.type}`} /> <span className="muted">{t.progressMessage}</span></td>
                <td>{t.attempts}</td>
                <td><When at={t.updatedAt} /></td>
                <td>
                  {can.operate(role) && ['queued', 'running'].includes(t.status) && <button className="ghost" onClick={() => void act(() => call(() => cancelTask({ client, path: { id: t.id } })))}>Cancel</button>}
                  {can.operate(role) && ['failed', 'cancelled'].includes(t.status) && <button className="ghost" onClick={() => void act(() => call(() => retryTask({ client, path: { id: t.id } })))}>Retry</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
