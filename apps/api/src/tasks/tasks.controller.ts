import { DomainError } from '@autonomos/platform';
import { CancelTaskCommand, CreateTaskCommand, GetTaskQuery, ListTasksQuery, RetryTaskCommand, TaskTypeRegistry } from '@autonomos/tasks';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { uuidParam } from '../http/validation';
import { CreateTaskDto, ListTasksDto, TaskDto, TaskPageDto } from './tasks.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly registry: TaskTypeRegistry,
  ) {}

  @Post()
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'createTask', summary: 'Queue a task; replays with the same Idempotency-Key return the first task' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 200 characters.' })
  @ApiCreatedResponse({ type: TaskDto, description: 'Created (200 when an Idempotency-Key replay returns the first task).' })
  @ApiProblems(400, 401, 403, 409)
  async create(
    @Body() body: CreateTaskDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskDto> {
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      throw new DomainError('invalid_input', 'invalid', 'Idempotency-Key must be 1 to 200 characters', [{ field: 'Idempotency-Key', message: 'length' }]);
    }
    const { task, created } = await this.commands.execute(new CreateTaskCommand(body.type, body.payload, idempotencyKey));
    reply.status(created ? 201 : 200);
    return task;
  }

  @Get('types')
  @ApiOperation({ operationId: 'listTaskTypes', summary: 'Registered task types' })
  @ApiOkResponse({ type: [String] })
  @ApiProblems(401)
  types(): string[] {
    return this.registry.names();
  }

  @Get()
  @ApiOperation({ operationId: 'listTasks', summary: 'Tasks of your tenant, newest first' })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiProblems(400, 401)
  list(@Query() query: ListTasksDto): Promise<TaskPageDto> {
    return this.queries.execute(new ListTasksQuery({ status: query.status, type: query.type }, query.limit ?? 20, query.cursor));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getTask', summary: 'One task with its progress, error and result' })
  @ApiOkResponse({ type: TaskDto })
  @ApiProblems(400, 401, 404)
  get(@Param('id', uuidParam()) id: string): Promise<TaskDto> {
    return this.queries.execute(new GetTaskQuery(id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'cancelTask', summary: 'Cancel a queued or running task' })
  @ApiOkResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@Param('id', uuidParam()) id: string): Promise<TaskDto> {
    return this.commands.execute(new CancelTaskCommand(id));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'retryTask', summary: 'Run a failed or cancelled task again' })
  @ApiOkResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403, 404, 409)
  retry(@Param('id', uuidParam()) id: string): Promise<TaskDto> {
    return this.commands.execute(new RetryTaskCommand(id));
  }
}
