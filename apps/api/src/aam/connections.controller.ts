import {
  CreateConnectionCommand,
  DeleteConnectionCommand,
  GetConnectionQuery,
  GetSchemaQuery,
  ListConnectionsQuery,
  ListEventsQuery,
  ListStreamsQuery,
  StartSyncCommand,
  TestConnectionCommand,
  UpdateConnectionCommand,
  UploadFileCommand,
} from '@autonomos/aam';
import { AppConfig, DomainError } from '@autonomos/platform';
import '@fastify/multipart';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { TaskDto } from '../tasks/tasks.dto';
import {
  AuditEventPageDto,
  ConnectionDto,
  CreateConnectionDto,
  ListEventsDto,
  SchemaQueryDto,
  StreamDto,
  StreamSchemaDto,
  StreamSyncResultDto,
  SyncRequestDto,
  TestResultDto,
  UpdateConnectionDto,
  UploadQueryDto,
} from './aam.dto';

@ApiTags('connections')
@ApiBearerAuth()
@Controller('connections')
export class ConnectionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'createConnection', summary: 'Connect a source; credentials are encrypted and never returned' })
  @ApiCreatedResponse({ type: ConnectionDto })
  @ApiProblems(400, 401, 403)
  create(@Body() body: CreateConnectionDto): Promise<ConnectionDto> {
    return this.commands.execute(new CreateConnectionCommand(body.name, body.kind, body.config, body.credentials, body.domain, body.contracts));
  }

  @Get()
  @ApiOperation({ operationId: 'listConnections', summary: 'Connections of your tenant' })
  @ApiOkResponse({ type: [ConnectionDto] })
  @ApiProblems(401)
  list(): Promise<ConnectionDto[]> {
    return this.queries.execute(new ListConnectionsQuery());
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getConnection', summary: 'One connection' })
  @ApiOkResponse({ type: ConnectionDto })
  @ApiProblems(400, 401, 404)
  get(@Param('id', uuidParam()) id: string): Promise<ConnectionDto> {
    return this.queries.execute(new GetConnectionQuery(id));
  }

  @Patch(':id')
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'updateConnection', summary: 'Rename, reconfigure, replace credentials, override the domain or set schema contracts' })
  @ApiOkResponse({ type: ConnectionDto })
  @ApiProblems(400, 401, 403, 404)
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateConnectionDto): Promise<ConnectionDto> {
    return this.commands.execute(
      new UpdateConnectionCommand(id, { name: body.name, config: body.config, credentials: body.credentials, domainOverride: body.domain, contracts: body.contracts }),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'deleteConnection', summary: 'Delete a connection with its schemas, drift, quarantine and uploads (the audit trail stays)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.commands.execute(new DeleteConnectionCommand(id));
  }

  @Post(':id/test')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'testConnection', summary: 'Whether the source is reachable and the credentials work' })
  @ApiOkResponse({ type: TestResultDto })
  @ApiProblems(400, 401, 403, 404, 503)
  test(@Param('id', uuidParam()) id: string): Promise<TestResultDto> {
    return this.commands.execute(new TestConnectionCommand(id));
  }

  @Get(':id/streams')
  @ApiOperation({ operationId: 'listConnectionStreams', summary: 'The source’s streams (files, tables, objects) with inferred schemas' })
  @ApiOkResponse({ type: [StreamDto] })
  @ApiProblems(400, 401, 404, 503)
  streams(@Param('id', uuidParam()) id: string): Promise<StreamDto[]> {
    return this.queries.execute(new ListStreamsQuery(id));
  }

  @Post(':id/sync')
  @HttpCode(202)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'syncConnection', summary: 'Start a sync task (full, or incremental from the stored cursor); follow it under /tasks' })
  @ApiAcceptedResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403, 404)
  sync(@Param('id', uuidParam()) id: string, @Body() body: SyncRequestDto): Promise<TaskDto> {
    return this.commands.execute(new StartSyncCommand(id, body.mode ?? 'incremental', body.stream));
  }

  @Post(':id/files')
  @Roles('admin', 'operator')
  @ApiOperation({
    operationId: 'uploadConnectionFile',
    summary: 'Upload a CSV to a filesource connection and sync it now; a malformed file gets a 400 naming the line and problem and leaves nothing behind',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: StreamSyncResultDto })
  @ApiProblems(400, 401, 403, 404, 413)
  async upload(@Param('id', uuidParam()) id: string, @Query() query: UploadQueryDto, @Req() request: FastifyRequest): Promise<StreamSyncResultDto> {
    const missing = new DomainError('upload_missing', 'invalid', 'Send the CSV as multipart/form-data in a field named "file"', [{ field: 'file', message: 'missing' }]);
    if (!request.isMultipart()) throw missing;
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw missing;
    try {
      return await this.commands.execute(new UploadFileCommand(id, part.file, part.filename, query.stream));
    } catch (error) {
      part.file.resume();
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError('upload_too_large', 'too_large', `The file is larger than the ${this.config.get('UPLOAD_MAX_BYTES')}-byte upload limit`, [
          { field: 'file', message: 'too large' },
        ]);
      }
      throw error;
    }
  }

  @Get(':id/schema')
  @ApiOperation({ operationId: 'getConnectionSchema', summary: 'Current schema and every earlier version, per stream' })
  @ApiOkResponse({ type: [StreamSchemaDto] })
  @ApiProblems(400, 401, 404)
  schema(@Param('id', uuidParam()) id: string, @Query() query: SchemaQueryDto): Promise<StreamSchemaDto[]> {
    return this.queries.execute(new GetSchemaQuery(id, query.stream));
  }

  @Get(':id/events')
  @ApiOperation({ operationId: 'listConnectionEvents', summary: 'The connection’s canonical events (audit trail), newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400, 401, 404)
  events(@Param('id', uuidParam()) id: string, @Query() query: ListEventsDto): Promise<AuditEventPageDto> {
    return this.queries.execute(new ListEventsQuery(id, query.stream, query.limit ?? 50, query.cursor));
  }
}
