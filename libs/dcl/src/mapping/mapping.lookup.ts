import { ActiveMapping, GetActiveMappingQuery } from '@autonomos/repair';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';

/** A stream's active mapping, read through the repair domain's query (never its tables). */
@Injectable()
export class MappingLookup {
  constructor(private readonly queries: QueryBus) {}

  async active(connectionId: string, stream: string): Promise<ActiveMapping | null> {
    try {
      return await this.queries.execute(new GetActiveMappingQuery(connectionId, stream));
    } catch (error) {
      // A deployment without the mapping store has no mappings: records wait rather than being guessed.
      if ((error as Error).constructor?.name === 'QueryHandlerNotFoundException') return null;
      throw error;
    }
  }
}
