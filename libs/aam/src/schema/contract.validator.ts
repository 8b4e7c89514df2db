import { FieldProblem } from '@autonomos/platform';
import { STREAM_NAME } from '../connectors/connection-config';
import { ContractMode, SchemaContract } from './schema.contract';

const MODES: readonly ContractMode[] = ['evolve', 'freeze', 'discard_row', 'discard_value'];

/** Checks `{ <stream or *>: { mode, columns?: { <column>: mode } } }`; returns what is wrong, by field. */
export function validateContracts(value: unknown): { contracts: Record<string, SchemaContract>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const contracts: Record<string, SchemaContract> = {};
  if (!isObject(value)) return { contracts, problems: [{ field: 'contracts', message: 'must be an object of stream name → contract' }] };
  for (const [stream, contract] of Object.entries(value)) {
    const field = `contracts.${stream}`;
    if (stream !== '*' && !STREAM_NAME.test(stream)) problems.push({ field, message: 'must be a stream name or *' });
    if (!isObject(contract)) {
      problems.push({ field, message: 'must be an object with mode and optional columns' });
      continue;
    }
    const unknown = Object.keys(contract).filter((key) => key !== 'mode' && key !== 'columns');
    for (const key of unknown) problems.push({ field: `${field}.${key}`, message: 'unknown field' });
    if (!MODES.includes(contract.mode as ContractMode)) problems.push({ field: `${field}.mode`, message: `must be one of ${MODES.join(', ')}` });
    const columns = contract.columns ?? {};
    if (!isObject(columns)) problems.push({ field: `${field}.columns`, message: 'must be an object of column → mode' });
    else {
      for (const [column, mode] of Object.entries(columns)) {
        if (!MODES.includes(mode as ContractMode)) problems.push({ field: `${field}.columns.${column}`, message: `must be one of ${MODES.join(', ')}` });
      }
    }
    contracts[stream] = { mode: contract.mode as ContractMode, ...(contract.columns ? { columns: columns as Record<string, ContractMode> } : {}) };
  }
  return { contracts, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
