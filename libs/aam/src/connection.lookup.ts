import { EntityManager } from 'typeorm';
import { aamErrors } from './aam.errors';
import { ConnectionEntity } from './entities/connection.entity';

/** The connection, if the current tenant has it (row-level security hides the others): else 404. */
export async function findConnection(manager: EntityManager, id: string): Promise<ConnectionEntity> {
  const connection = await manager.findOne(ConnectionEntity, { where: { id } });
  if (!connection) throw aamErrors.connectionNotFound(id);
  return connection;
}
