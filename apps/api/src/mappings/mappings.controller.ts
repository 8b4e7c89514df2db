import { GetMappingHistoryQuery, ListMappingsQuery, RollbackMappingCommand, SetMappingCommand, TransformSpec } from '@autonomos/repair';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { ListMappingsDto, MappingDto, MappingVersionDto, RollbackDto, SetMappingDto, SetMappingResultDto } from './mappings.dto';

@ApiTags('mappings')
@ApiBearerAuth()
@Controller('mappings')
export class MappingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listMappings', summary: 'Active mappings of your streams (source column → ontology field, transform, confidence, origin)' })
  @ApiOkResponse({ type: [MappingDto] })
  @ApiProblems(400, 401)
  list(@Query() query: ListMappingsDto): Promise<MappingDto[]> {
    return this.queries.execute(new ListMappingsQuery(query));
  }

  @Put()
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'setMapping', summary: 'Set a stream’s whole mapping as a new version (its first mapping, or a correction); with review, queue it for another person' })
  @ApiOkResponse({ type: SetMappingResultDto, description: 'Applied (200) or queued for review (202).' })
  @ApiProblems(400, 401, 403, 404)
  async set(@Body() body: SetMappingDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SetMappingResultDto> {
    const fields = body.fields.map((f) => ({ source: f.source, target: f.target, transform: (f.transform ?? null) as TransformSpec | null }));
    const result = await this.commands.execute(new SetMappingCommand(body.connectionId, body.stream, body.entity, fields, body.review ?? false));
    reply.status(result.reviewItemId ? 202 : 200);
    return result;
  }

  @Get(':id/history')
  @ApiOperation({ operationId: 'getMappingHistory', summary: 'Every version of a mapping, newest first: who or what changed it, when, on what evidence' })
  @ApiOkResponse({ type: [MappingVersionDto] })
  @ApiProblems(400, 401, 404)
  history(@Param('id', uuidParam()) id: string): Promise<MappingVersionDto[]> {
    return this.queries.execute(new GetMappingHistoryQuery(id));
  }

  @Post(':id/rollback')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'rollbackMapping', summary: 'Restore an earlier version (the previous one by default) as a new version' })
  @ApiOkResponse({ type: MappingDto })
  @ApiProblems(400, 401, 403, 404, 409)
  rollback(@Param('id', uuidParam()) id: string, @Body() body: RollbackDto): Promise<MappingDto> {
    return this.commands.execute(new RollbackMappingCommand(id, body.version));
  }
}
