import { GetLlmTelemetryQuery } from '@autonomos/llm';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { LlmTelemetryDto, LlmTelemetryQueryDto } from './llm.dto';

@ApiTags('llm')
@ApiBearerAuth()
@Controller('llm')
export class LlmController {
  constructor(private readonly queries: QueryBus) {}

  @Get('telemetry')
  @ApiOperation({ operationId: 'getLlmTelemetry', summary: 'Your tenant’s LLM calls, failures and tokens per day, and whether the LLM is on' })
  @ApiOkResponse({ type: LlmTelemetryDto })
  @ApiProblems(400, 401)
  telemetry(@Query() query: LlmTelemetryQueryDto): Promise<LlmTelemetryDto> {
    return this.queries.execute(new GetLlmTelemetryQuery(query.days ?? 7));
  }
}
