import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeliveryEntity } from '../../entities/delivery.entity';
import { ListDeliveriesQuery } from './list-deliveries.query';

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ status, limit }: ListDeliveriesQuery) {
    const rows = await this.db.transaction((manager) => manager.find(DeliveryEntity, { where: status ? { status } : {}, order: { createdAt: 'DESC', id: 'DESC' }, take: limit }));
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      text: d.message.text,
      attempts: d.attempts,
      lastError: d.lastError,
      sentAt: d.sentAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    }));
  }
}
