import { DecideReviewCommand, GetReviewItemQuery, ListReviewItemsQuery } from '@autonomos/hitl';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { DecisionDto, ListReviewItemsDto, ReviewItemDto, ReviewItemPageDto } from './hitl.dto';

@ApiTags('hitl')
@ApiBearerAuth()
@Controller('hitl/items')
export class HitlController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listReviewItems', summary: 'The review queue of your tenant, newest first' })
  @ApiOkResponse({ type: ReviewItemPageDto })
  @ApiProblems(400, 401)
  list(@Query() query: ListReviewItemsDto): Promise<ReviewItemPageDto> {
    const { status, kind, risk, connectionId } = query;
    return this.queries.execute(new ListReviewItemsQuery({ status, kind, risk, connectionId }, query.limit ?? 50, query.cursor));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getReviewItem', summary: 'One item: the drift diff, the proposals with evidence, sample rows before and after the transform' })
  @ApiOkResponse({ type: ReviewItemDto })
  @ApiProblems(400, 401, 404)
  get(@Param('id', uuidParam()) id: string): Promise<ReviewItemDto> {
    return this.queries.execute(new GetReviewItemQuery(id));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ operationId: 'decideReviewItem', summary: 'Approve (optionally edited), reject or flag an item; never one you requested yourself' })
  @ApiOkResponse({ type: ReviewItemDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decide(@Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<ReviewItemDto> {
    return this.commands.execute(new DecideReviewCommand(id, body.decision, body.reason, body.edited));
  }
}
