import { getOntology } from '@autonomos/sdk';
import { call, client } from '../api';
import { Badge, Card, Loading, useLoad } from '../ui';

export function Ontology() {
  const ontology = useLoad(() => call(() => getOntology({ client })));
  return (
    <>
      <h1>Ontology {ontology.data && <Badge>{ontology.data.version}</Badge>}</h1>
      <Loading loading={ontology.loading} error={ontology.error} />
      {ontology.data?.entities.map((e) => (
        <Card key={e.name} title={<>{e.name} <Badge tone="purple">{e.domain}</Badge></>}>
          <p className="muted">{e.description} · keys: {e.keyFields.join(', ')}</p>
          <details>
            <summary>{e.fields.length} fields</summary>
            <table>
              <thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Synonyms</th><th>Description</th></tr></thead>
              <tbody>{e.fields.map((f) => <tr key={f.name}><td>{f.name}</td><td>{f.type}</td><td>{f.required ? 'yes' : ''}</td><td>{f.synonyms.join(', ')}</td><td>{f.description}</td></tr>)}</tbody>
            </table>
          </details>
        </Card>
      ))}
    </>
  );
}
