import { Query } from '@nestjs/cqrs';
import type { StreamInfo } from '../../connectors/source-connector';

/** The source's streams (files, tables, objects) with schemas inferred from a sample. */
export class ListStreamsQuery extends Query<StreamInfo[]> {
  constructor(readonly connectionId: string) {
    super();
  }
}
