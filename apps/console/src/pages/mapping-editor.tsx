// Sets or edits a stream's mapping (PUT /mappings): an ontology entity, each source column of the stream's current
// schema mapped to one of the entity's fields or left unmapped, with an optional transform from the safe set.
// The matcher (POST /repair/match) suggests targets for the columns still unmapped; a person checks them and saves.
import { getOntology, matchColumns, setMapping, type FieldInputDto, type MappingDto } from '@autonomos/sdk';
import { useState, type FormEvent } from 'react';
import { ApiError, call, client } from '../api';
import { Card, ErrorLine, Loading, useLoad } from '../ui';

/** Below this calibrated confidence a suggestion would be wrong more often than right: the column stays unmapped. */
const SUGGEST_MIN_CONFIDENCE = 0.5;
const TRANSFORMS = ['money_to_decimal', 'date_format', 'scale', 'trim', 'case', 'to_integer', 'to_boolean'] as const;
type TransformKind = (typeof TRANSFORMS)[number];

/** One row of the editor: a source column, its target ('' = unmapped) and the transform's settings. */
interface Row {
  source: string;
  target: string;
  kind: TransformKind | '';
  decimalSeparator: string; // money_to_decimal: '' (guessed), '.' or ','
  from: string; // date_format
  to: string; // date_format (default ISO), case ('lower' | 'upper')
  power10: string; // scale
  /** The matcher's confidence when the target is its suggestion, not yet a person's choice. */
  suggested?: number;
}

/** A column of the stream's current schema, with the sample values its profile kept. */
export interface SourceColumn {
  name: string;
  profile?: { samples?: string[] };
}

function toRow(source: string, field?: MappingDto['fields'][number]): Row {
  const t = (field?.transform ?? {}) as Record<string, unknown>;
  const kind = (TRANSFORMS as readonly string[]).includes(String(t.kind)) ? (t.kind as TransformKind) : '';
  return {
    source,
    target: field?.target ?? '',
    kind,
    decimalSeparator: String(t.decimalSeparator ?? ''),
    from: String(t.from ?? ''),
    to: String(t.to ?? (kind === 'case' ? 'lower' : '')),
    power10: t.power10 === undefined ? '' : String(t.power10),
  };
}

function transformOf(r: Row): FieldInputDto['transform'] {
  switch (r.kind) {
    case '': return null;
    case 'money_to_decimal': return r.decimalSeparator ? { kind: r.kind, decimalSeparator: r.decimalSeparator } : { kind: r.kind };
    case 'date_format': return r.to ? { kind: r.kind, from: r.from, to: r.to } : { kind: r.kind, from: r.from };
    case 'scale': return { kind: r.kind, power10: Number(r.power10) };
    case 'case': return { kind: r.kind, to: r.to || 'lower' };
    default: return { kind: r.kind };
  }
}

export function MappingEditor({ connectionId, stream, columns, current, onSaved, onCancel }: {
  connectionId: string;
  stream: string;
  /** The source columns of the stream's current schema. */
  columns: SourceColumn[];
  current?: MappingDto;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const ontology = useLoad(() => call(() => getOntology({ client })));
  const names = columns.map((c) => c.name);
  const [note, setNote] = useState<string>();
  const [entity, setEntity] = useState(current?.entity ?? '');
  const [rows, setRows] = useState<Row[]>(() => {
    const sources = [...columns.map((c) => c.name), ...(current?.fields.map((f) => f.source).filter((s) => !columns.some((c) => c.name === s)) ?? [])];
    return sources.map((c) => toRow(c, current?.fields.find((f) => f.source === c)));
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fields = ontology.data?.entities.find((e) => e.name === entity)?.fields ?? [];
  const update = (i: number, patch: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, suggested: undefined, ...patch } : r)));

  const suggest = async () => {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      const unmapped = rows.filter((r) => !r.target && names.includes(r.source));
      const source = { columns: columns.filter((c) => unmapped.some((r) => r.source === c.name)).map((c) => ({ name: c.name, samples: c.profile?.samples?.slice(0, 100) ?? [] })) };
      const result = await call(() => matchColumns({ client, body: { source, target: { entity }, top: 1 } }));
      // One column per field, the most confident first: the editor saves a one-to-one mapping.
      const taken = new Set(rows.map((r) => r.target).filter(Boolean));
      const best = new Map<string, { target: string; confidence: number }>();
      for (const column of [...result.columns].sort((a, b) => (b.candidates[0]?.confidence ?? 0) - (a.candidates[0]?.confidence ?? 0))) {
        const top = column.candidates[0];
        if (!top || top.confidence < SUGGEST_MIN_CONFIDENCE || taken.has(top.target)) continue;
        taken.add(top.target);
        best.set(column.source, top);
      }
      setRows((all) => all.map((r) => (best.has(r.source) ? { ...r, target: best.get(r.source)!.target, suggested: best.get(r.source)!.confidence } : r)));
      setNote(`${best.size} of ${unmapped.length} unmapped column(s) suggested: check them before saving`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // The API names problems by the index of the submitted field (fields[2].transform): map them back to columns.
  const mapped = rows.filter((r) => r.target);
  const problems = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  const problemFor = (source: string) => {
    const i = mapped.findIndex((r) => r.source === source);
    return problems.filter((p) => i >= 0 && p.field.startsWith(`fields[${i}]`)).map((p) => p.message).join('; ');
  };
  const entityProblem = problems.filter((p) => p.field === 'entity').map((p) => p.message).join('; ');

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const review = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'review';
    setBusy(true);
    setError(undefined);
    try {
      const body = { connectionId, stream, entity, review, fields: mapped.map((r) => ({ source: r.source, target: r.target, transform: transformOf(r) })) };
      const result = await call(() => setMapping({ client, body }));
      onSaved(result.reviewItemId ? `Mapping sent for review (item ${result.reviewItemId})` : `Mapping saved (v${result.mapping?.version})`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={`Edit mapping: ${stream}`}>
      <Loading loading={ontology.loading} error={ontology.error} />
      {ontology.data && <form onSubmit={save} aria-label={`Mapping of ${stream}`}>
        <label>Entity
          <select value={entity} onChange={(e) => setEntity(e.target.value)} required aria-invalid={!!entityProblem}>
            <option value="">choose an entity…</option>
            {ontology.data?.entities.map((en) => <option key={en.name} value={en.name}>{en.name} ({en.domain})</option>)}
          </select>
        </label>
        {entityProblem && <p className="error field-error">{entityProblem}</p>}
        <table aria-label="Column mapping">
          <thead><tr><th>Source column</th><th>Target field</th><th>Transform</th></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const problem = problemFor(r.source);
              return (
                <tr key={r.source}>
                  <td><code>{r.source}</code>{!names.includes(r.source) && <span className="muted"> (not in the current schema)</span>}</td>
                  <td>
                    <select aria-label={`Target of ${r.source}`} value={r.target} onChange={(e) => update(i, { target: e.target.value })} aria-invalid={!!problem}>
                      <option value="">unmapped</option>
                      {fields.map((f) => <option key={f.name} value={f.name}>{f.name} ({f.type})</option>)}
                      {r.target && !fields.some((f) => f.name === r.target) && <option value={r.target}>{r.target}</option>}
                    </select>
                    {r.suggested !== undefined && <span className="muted" data-testid={`suggested-${r.source}`}> suggested, {Math.round(r.suggested * 100)}% confident</span>}
                  </td>
                  <td>
                    <div className="toolbar">
                      <select aria-label={`Transform of ${r.source}`} value={r.kind} disabled={!r.target} onChange={(e) => update(i, { kind: e.target.value as Row['kind'], to: e.target.value === 'case' ? 'lower' : '' })}>
                        <option value="">none</option>
                        {TRANSFORMS.map((t) => <option key={t}>{t}</option>)}
                      </select>
                      {r.kind === 'money_to_decimal' && (
                        <select aria-label={`Decimal separator of ${r.source}`} value={r.decimalSeparator} onChange={(e) => update(i, { decimalSeparator: e.target.value })}>
                          <option value="">separator: guess</option><option value=".">. (1,234.56)</option><option value=",">, (1.234,56)</option>
                        </select>
                      )}
                      {r.kind === 'date_format' && (
                        <>
                          <input aria-label={`Date format of ${r.source}`} placeholder="from, e.g. DD/MM/YYYY" value={r.from} onChange={(e) => update(i, { from: e.target.value })} required />
                          <input aria-label={`Output date format of ${r.source}`} placeholder="to (default YYYY-MM-DD)" value={r.to} onChange={(e) => update(i, { to: e.target.value })} />
                        </>
                      )}
                      {r.kind === 'scale' && <input aria-label={`Power of ten of ${r.source}`} type="number" step={1} placeholder="power10, e.g. -2" value={r.power10} onChange={(e) => update(i, { power10: e.target.value })} required />}
                      {r.kind === 'case' && (
                        <select aria-label={`Case of ${r.source}`} value={r.to} onChange={(e) => update(i, { to: e.target.value })}><option>lower</option><option>upper</option></select>
                      )}
                    </div>
                    {problem && <p className="error field-error" role="alert">{problem}</p>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {error !== undefined && problems.length === 0 && <ErrorLine error={error} />}
        {problems.length > 0 && <p className="error">{(error as ApiError).message}</p>}
        {note && <p className="ok" role="status">{note}</p>}
        <div className="toolbar">
          <button type="button" className="ghost" disabled={busy || !entity} onClick={() => void suggest()}>Suggest targets</button>
          <button type="submit" value="apply" disabled={busy || !entity}>Save mapping</button>
          <button type="submit" value="review" className="ghost" disabled={busy || !entity}>Send for review</button>
          <button type="button" className="ghost" onClick={onCancel}>Cancel</button>
        </div>
      </form>}
    </Card>
  );
}
