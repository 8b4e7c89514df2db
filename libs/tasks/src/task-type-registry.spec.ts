import { IsInt, IsString, Max, Min } from 'class-validator';
import { DomainError } from '@autonomos/platform';
import { TaskTypeRegistry } from './task-type-registry';

class EchoPayload {
  @IsString()
  message: string;

  @IsInt()
  @Min(0)
  @Max(5)
  steps: number;
}

describe('TaskTypeRegistry', () => {
  const registry = new TaskTypeRegistry();
  registry.register({ type: 'test.echo', payload: EchoPayload, run: async () => undefined });

  it('accepts a valid payload', async () => {
    await expect(registry.validatePayload('test.echo', { message: 'hi', steps: 2 })).resolves.toEqual({ message: 'hi', steps: 2 });
  });

  it('names every bad field', async () => {
    const error = await registry.validatePayload('test.echo', { message: 3, steps: 9, extra: true }).catch((e: DomainError) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('invalid');
    expect((error as DomainError).fields.map((f) => f.field).sort()).toEqual(['payload.extra', 'payload.message', 'payload.steps']);
  });

  it('refuses unknown types and non-object payloads', async () => {
    await expect(registry.validatePayload('nope', {})).rejects.toThrow(/Unknown task type "nope"; known types: test.echo/);
    await expect(registry.validatePayload('test.echo', [1])).rejects.toThrow(/payload is invalid/);
  });

  it('refuses a type registered twice', () => {
    expect(() => registry.register({ type: 'test.echo', payload: EchoPayload, run: async () => undefined })).toThrow(/twice/);
  });
});
