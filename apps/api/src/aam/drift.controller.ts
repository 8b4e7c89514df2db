import { GetDriftQuery, ListDriftsQuery, ListQuarantineQuery } from '@autonomos/aam';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { uuidParam } from '../http/validation';
import { DriftDto, DriftPageDto, ListDriftsDto, ListQuarantineDto, QuarantinePageDto } from './aam.dto';

@ApiTags('drift')
@ApiBearerAuth()
@Controller()
export class DriftController {
  constructor(private readonly queries: QueryBus) {}

  @Get('drift')
  @ApiOperation({ operationId: 'listDrifts', summary: 'Schema drifts of your tenant, newest first' })
  @ApiOkResponse({ type: DriftPageDto })
  @ApiProblems(400, 401)
  list(@Query() query: ListDriftsDto): Promise<DriftPageDto> {
    const { connectionId, stream, breaking } = query;
    return this.queries.execute(new ListDriftsQuery({ connectionId, stream, breaking }, query.limit ?? 50, query.cursor));
  }

  @Get('drift/:id')
  @ApiOperation({ operationId: 'getDrift', summary: 'One drift with its typed diff' })
  @ApiOkResponse({ type: DriftDto })
  @ApiProblems(400, 401, 404)
  get(@Param('id', uuidParam()) id: string): Promise<DriftDto> {
    return this.queries.execute(new GetDriftQuery(id));
  }

  @Get('quarantine')
  @ApiTags('quarantine')
  @ApiOperation({ operationId: 'listQuarantine', summary: 'Records held back (ragged rows, contract violations) with their reason and raw record, newest first' })
  @ApiOkResponse({ type: QuarantinePageDto })
  @ApiProblems(400, 401)
  quarantine(@Query() query: ListQuarantineDto): Promise<QuarantinePageDto> {
    const { connectionId, stream, reason } = query;
    return this.queries.execute(new ListQuarantineQuery({ connectionId, stream, reason }, query.limit ?? 50, query.cursor));
  }
}
