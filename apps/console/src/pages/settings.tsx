// Admin settings: the repair policy (when a proposal applies itself) and the Slack webhook (write-only).
import { deleteSlackWebhook, getRepairPolicy, getSlackSettings, setRepairPolicy, setSlackWebhook, testSlackWebhook, type RepairPolicyDto } from '@autonomos/sdk';
import { useState, type FormEvent } from 'react';
import { ApiError, call, client } from '../api';
import { Badge, Card, ErrorLine, Loading, useLoad, When } from '../ui';

/** A field's problem from the API's problem+json, shown next to that field. */
function FieldError({ error, field }: { error: unknown; field: string }) {
  const message = error instanceof ApiError ? error.fieldErrors()[field] : undefined;
  return message ? <span className="error field-error">{message}</span> : null;
}

const optionalNumber = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? undefined : Number(v));

function RepairPolicy() {
  const policy = useLoad(() => call(() => getRepairPolicy({ client })));
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const finops = optionalNumber(form.get('finops'));
    const revops = optionalNumber(form.get('revops'));
    const body: RepairPolicyDto = {
      autoApplyThreshold: Number(form.get('autoApplyThreshold')),
      breakingNeedsReview: form.get('breakingNeedsReview') === 'on',
      moneyThreshold: optionalNumber(form.get('moneyThreshold')),
      ...(finops !== undefined || revops !== undefined ? { domainThresholds: { finops, revops } } : {}),
      // Per-field thresholds have no editor here: kept as they are.
      ...(policy.data?.fieldThresholds ? { fieldThresholds: policy.data.fieldThresholds } : {}),
    };
    setError(undefined);
    setMessage(undefined);
    try {
      policy.setData(await call(() => setRepairPolicy({ client, body })));
      setMessage('Repair policy saved');
    } catch (err) {
      setError(err);
    }
  };
  const p = policy.data;
  return (
    <Card title="Repair policy">
      <Loading loading={policy.loading} error={policy.error} />
      {p && (
        <form onSubmit={save} aria-label="Repair policy">
          <p className="muted">A proposed repair at least this confident applies itself; below it, a person reviews it. Thresholds are between 0 and 1.</p>
          <div className="grid">
            <label>Auto-apply threshold
              <input name="autoApplyThreshold" type="number" min={0} max={1} step={0.01} defaultValue={p.autoApplyThreshold} required />
              <FieldError error={error} field="autoApplyThreshold" />
            </label>
            <label>FinOps threshold (optional)
              <input name="finops" type="number" min={0} max={1} step={0.01} defaultValue={p.domainThresholds?.finops ?? ''} />
              <FieldError error={error} field="domainThresholds.finops" />
            </label>
            <label>RevOps threshold (optional)
              <input name="revops" type="number" min={0} max={1} step={0.01} defaultValue={p.domainThresholds?.revops ?? ''} />
              <FieldError error={error} field="domainThresholds.revops" />
            </label>
            <label>Money threshold (optional)
              <input name="moneyThreshold" type="number" min={0} max={1} step={0.01} defaultValue={p.moneyThreshold ?? ''} />
              <FieldError error={error} field="moneyThreshold" />
            </label>
          </div>
          <label className="check"><input name="breakingNeedsReview" type="checkbox" defaultChecked={p.breakingNeedsReview} /> Breaking changes always need review</label>
          {p.fieldThresholds && Object.keys(p.fieldThresholds).length > 0 && (
            <p className="muted">Per-field thresholds (kept): {Object.entries(p.fieldThresholds).map(([f, t]) => `${f} ${t}`).join(', ')}</p>
          )}
          {message && <p className="ok" role="status">{message}</p>}
          <ErrorLine error={error} />
          <button type="submit">Save policy</button>
        </form>
      )}
    </Card>
  );
}

function Slack() {
  const slack = useLoad(() => call(() => getSlackSettings({ client })));
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const act = async (run: () => Promise<void>) => {
    setError(undefined);
    setMessage(undefined);
    try { await run(); } catch (err) { setError(err); }
  };
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const webhookUrl = String(new FormData(formEl).get('webhookUrl') ?? '').trim();
    void act(async () => {
      slack.setData(await call(() => setSlackWebhook({ client, body: { webhookUrl } })));
      formEl.reset(); // write-only: never kept or shown back
      setMessage('Slack webhook saved');
    });
  };
  const remove = () => act(async () => {
    await call(() => deleteSlackWebhook({ client }));
    await slack.reload();
    setMessage('Slack webhook removed');
  });
  const sendTest = () => act(async () => {
    await call(() => testSlackWebhook({ client }));
    setMessage('Test message queued: Slack should show it in a moment (failed sends are retried)');
  });
  const s = slack.data;
  return (
    <Card title="Slack">
      <Loading loading={slack.loading} error={slack.error} />
      {s && (
        <>
          <p data-testid="slack-status">
            {s.configured ? <Badge tone="green">configured</Badge> : <Badge tone="grey">not configured</Badge>} {s.configured && <>updated <When at={s.updatedAt} /></>}
          </p>
          <p className="muted">Review requests and breaking drift are posted to this Incoming Webhook, with links to the item in the console. The URL is stored encrypted and never shown back.</p>
          <form onSubmit={save} className="toolbar" aria-label="Slack webhook">
            <label>Webhook URL
              <input name="webhookUrl" type="url" placeholder="https://hooks.slack.com/services/…" autoComplete="off" required />
              <FieldError error={error} field="webhookUrl" />
            </label>
            <button type="submit">{s.configured ? 'Replace webhook' : 'Save webhook'}</button>
            {s.configured && <button type="button" className="ghost" onClick={() => void sendTest()}>Send test message</button>}
            {s.configured && <button type="button" className="ghost" onClick={() => void remove()}>Remove webhook</button>}
          </form>
          {message && <p className="ok" role="status">{message}</p>}
          <ErrorLine error={error} />
        </>
      )}
    </Card>
  );
}

export function Settings() {
  return (
    <>
      <h1>Settings</h1>
      <RepairPolicy />
      <Slack />
    </>
  );
}
