import { listAudit } from '@autonomos/sdk';
import { useState } from 'react';
import { call, client } from '../api';
import { Card, Loading, fmt, useLoad, When } from '../ui';

export function AuditLog() {
  const [action, setAction] = useState('');
  const [cursor, setCursor] = useState<string>();
  const audit = useLoad(() => call(() => listAudit({ client, query: { action: action || undefined, limit: 50, cursor } })), [action, cursor]);
  return (
    <>
      <h1>Audit log</h1>
      <Card title="Entries" actions={<label>Action<input value={action} onChange={(e) => { setAction(e.target.value.trim()); setCursor(undefined); }} placeholder="e.g. review.approved" /></label>}>
        <Loading loading={audit.loading && !audit.data} error={audit.error} />
        <div className="table-wrap">
          <table>
            <thead><tr><th>When</th><th>Action</th><th>Actor</th><th>Subject</th><th>Before → after</th></tr></thead>
            <tbody>
              {audit.data?.items.map((e) => (
                <tr key={e.id}>
                  <td><When at={e.createdAt} /></td><td>{e.action}</td><td>{e.actor.type} ({e.actor.role})</td><td>{e.subjectType} {e.subjectId.slice(0, 8)}</td>
                  <td><code>{fmt(e.before)}</code> → <code>{fmt(e.after)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {audit.data?.nextCursor && <button className="ghost" onClick={() => setCursor(audit.data!.nextCursor!)}>Older</button>}
      </Card>
    </>
  );
}
