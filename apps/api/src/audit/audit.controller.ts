import { ListAuditQuery } from '@autonomos/hitl';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { AuditEntryDto, AuditPageDto, ListAuditDto } from './audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'operator', 'reviewer')
  @ApiOperation({ operationId: 'listAudit', summary: 'The append-only audit log: decisions, auto-applies, rollbacks, policy changes; newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListAuditDto): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
    const { action, actorId, subjectType, subjectId, since, until } = query;
    return this.queries.execute(new ListAuditQuery({ action, actorId, subjectType, subjectId, since, until }, query.limit ?? 100, query.cursor));
  }
}
