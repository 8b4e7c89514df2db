import {
  GetGraphQuery,
  GetLineageQuery,
  GetViewRowsQuery,
  ListDeadLettersQuery,
  ListEntityRowsQuery,
  ListPendingQuery,
  ListViewsQuery,
  StartLegacyLoadCommand,
  StartRefreshCommand,
  ViewFilter,
  ViewRowsPage,
} from '@autonomos/dcl';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { TaskDto } from '../tasks/tasks.dto';
import {
  DeadLetterDto,
  DeadLettersQueryDto,
  EntityRowsPageDto,
  EntityRowsQueryDto,
  GraphDto,
  LineageDto,
  LegacyLoadDto,
  LineageQueryDto,
  PendingGroupDto,
  RefreshViewDto,
  ViewDto,
  ViewRowsPageDto,
  ViewRowsQueryDto,
} from './dcl.dto';

const CSV_PAGE = 1000;

@ApiTags('dcl')
@ApiBearerAuth()
@Controller('dcl')
export class DclController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('views')
  @ApiOperation({ operationId: 'listViews', summary: 'The unified views, their columns and your tenant’s last refresh of each' })
  @ApiOkResponse({ type: [ViewDto] })
  @ApiProblems(401)
  views(): Promise<ViewDto[]> {
    return this.queries.execute(new ListViewsQuery());
  }

  @Get('views/:name/rows')
  @ApiOperation({ operationId: 'getViewRows', summary: 'Rows of a view: filters, sort, cursor pagination; ?format=csv streams them all' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ViewRowsPageDto })
  @ApiProblems(400, 401, 404)
  async rows(@Param('name') name: string, @Query() query: ViewRowsQueryDto): Promise<ViewRowsPageDto | StreamableFile> {
    const filters: ViewFilter[] = (query.filter ?? []).map((raw) => {
      const [column, op, ...value] = raw.split(':');
      return { column, op: op as ViewFilter['op'], value: value.join(':') };
    });
    const sort = query.sort ? { column: query.sort, order: query.order ?? 'asc' } : undefined;
    const page = (limit: number, cursor?: string): Promise<ViewRowsPage> => this.queries.execute(new GetViewRowsQuery(name, filters, sort, limit, cursor));
    if (query.format !== 'csv') return page(query.limit ?? 100, query.cursor);
    // The first page is read before answering, so a bad view or filter is still a 400/404.
    const first = await page(CSV_PAGE, query.cursor);
    return new StreamableFile(Readable.from(csvLines(first, (cursor) => page(CSV_PAGE, cursor))), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}.csv"`,
    });
  }

  @Post('views/:name/refresh')
  @HttpCode(202)
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'refreshView', summary: 'Start a refresh task of a view (incremental unless full); follow it under /tasks' })
  @ApiAcceptedResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403, 404)
  refresh(@Param('name') name: string, @Body() body: RefreshViewDto): Promise<TaskDto> {
    return this.commands.execute(new StartRefreshCommand(name, body.full ?? false));
  }

  @Post('legacy-load')
  @HttpCode(202)
  @Roles('admin', 'operator')
  @ApiOperation({
    operationId: 'startLegacyLoad',
    summary: 'Legacy mode only: start a task reading a connection directly through its connector into entity rows (same mappings as the streams); follow it under /tasks',
  })
  @ApiAcceptedResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403, 409)
  legacyLoad(@Body() body: LegacyLoadDto): Promise<TaskDto> {
    return this.commands.execute(new StartLegacyLoadCommand(body.connectionId, body.stream));
  }

  @Get('entities/:entity')
  @ApiOperation({ operationId: 'listEntityRows', summary: 'Canonical rows of an ontology entity (e.g. CostLineItem), as mapped from the sources' })
  @ApiOkResponse({ type: EntityRowsPageDto })
  @ApiProblems(400, 401, 404)
  entities(@Param('entity') entity: string, @Query() query: EntityRowsQueryDto): Promise<EntityRowsPageDto> {
    return this.queries.execute(new ListEntityRowsQuery(entity, query.limit ?? 100, query.cursor, query.connectionId));
  }

  @Get('pending')
  @ApiOperation({ operationId: 'listPendingRecords', summary: 'Records waiting for a mapping (none, drifted source, unconvertible value), per stream and reason' })
  @ApiOkResponse({ type: [PendingGroupDto] })
  @ApiProblems(401)
  pending(): Promise<PendingGroupDto[]> {
    return this.queries.execute(new ListPendingQuery());
  }

  @Get('dead-letters')
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'listDeadLetters', summary: 'Stream entries that kept failing, with their last error' })
  @ApiOkResponse({ type: [DeadLetterDto] })
  @ApiProblems(400, 401, 403)
  deadLetters(@Query() query: DeadLettersQueryDto): Promise<DeadLetterDto[]> {
    return this.queries.execute(new ListDeadLettersQuery(query.limit ?? 100));
  }

  @Get('graph')
  @ApiOperation({ operationId: 'getDclGraph', summary: 'Connections, streams, fields, ontology, views and pilots with mapping and feed edges, ready to draw' })
  @ApiOkResponse({ type: GraphDto })
  @ApiProblems(401)
  graph(): Promise<GraphDto> {
    return this.queries.execute(new GetGraphQuery());
  }

  @Get('lineage')
  @ApiOperation({ operationId: 'getLineage', summary: 'Column-level lineage of an ontology field: source columns, mapping versions, transforms, views' })
  @ApiOkResponse({ type: LineageDto })
  @ApiProblems(400, 401, 404)
  lineage(@Query() query: LineageQueryDto): Promise<LineageDto> {
    return this.queries.execute(new GetLineageQuery(query.entity, query.field));
  }
}

async function* csvLines(first: ViewRowsPage, next: (cursor: string) => Promise<ViewRowsPage>): AsyncGenerator<string> {
  const { columns } = first;
  yield columns.map(csvCell).join(',') + '\n';
  for (let page: ViewRowsPage | undefined = first; page; page = page.nextCursor ? await next(page.nextCursor) : undefined) {
    if (page.items.length) yield page.items.map((row) => columns.map((c) => csvCell(row[c])).join(',') + '\n').join('');
  }
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
