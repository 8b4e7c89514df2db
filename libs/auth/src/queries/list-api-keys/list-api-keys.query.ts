import { Query } from '@nestjs/cqrs';
import type { ApiKeyView } from '../../views';

export class ListApiKeysQuery extends Query<ApiKeyView[]> {}
