import { Query } from '@nestjs/cqrs';
import type { ConnectionView } from '../../aam.views';

export class ListConnectionsQuery extends Query<ConnectionView[]> {}
