import { MatchColumnsQuery, RememberMappingCommand } from '@autonomos/repair';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { MatchRequestDto, MatchResponseDto, RememberedMappingDto, RememberMappingDto } from './repair.dto';

@ApiTags('repair')
@ApiBearerAuth()
@Controller('repair')
export class RepairController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('match')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({
    operationId: 'matchColumns',
    summary: 'Rank target fields for source columns: heuristics, your tenant’s approved mappings, and the LLM when enabled',
  })
  @ApiOkResponse({ type: MatchResponseDto })
  @ApiProblems(400, 401, 403)
  match(@Body() body: MatchRequestDto): Promise<MatchResponseDto> {
    return this.queries.execute(new MatchColumnsQuery(body.source.columns, body.target, body.top ?? 5, body.useLlm ?? true));
  }

  @Post('memory')
  @Roles('admin', 'reviewer')
  @ApiOperation({ operationId: 'rememberMapping', summary: 'Store an approved mapping in your tenant’s memory, so similar columns recall it' })
  @ApiCreatedResponse({ type: RememberedMappingDto, description: 'Created (200 when the same mapping was already remembered).' })
  @ApiProblems(400, 401, 403)
  async remember(@Body() body: RememberMappingDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<RememberedMappingDto> {
    const remembered = await this.commands.execute(new RememberMappingCommand(body.source, body.target));
    reply.status(remembered.created ? 201 : 200);
    return remembered;
  }
}
