import { Query } from '@nestjs/cqrs';
import type { UserView } from '../../views';

export class ListUsersQuery extends Query<UserView[]> {}
