import { GetPilotSummaryQuery } from '@autonomos/dcl';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { PilotSummaryDto } from './pilots.dto';

@ApiTags('pilots')
@ApiBearerAuth()
@Controller('pilots')
export class PilotsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('finops/summary')
  @ApiOperation({ operationId: 'getFinopsSummary', summary: 'Top cost drivers, month-over-month change and anomalies, from the FinOps views' })
  @ApiOkResponse({ type: PilotSummaryDto })
  @ApiProblems(401)
  finops(): Promise<PilotSummaryDto> {
    return this.queries.execute(new GetPilotSummaryQuery('finops'));
  }

  @Get('revops/summary')
  @ApiOperation({ operationId: 'getRevopsSummary', summary: 'Pipeline by stage, win rate and stalled deals, from the RevOps views' })
  @ApiOkResponse({ type: PilotSummaryDto })
  @ApiProblems(401)
  revops(): Promise<PilotSummaryDto> {
    return this.queries.execute(new GetPilotSummaryQuery('revops'));
  }
}
