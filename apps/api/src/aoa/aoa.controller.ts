import { DemoScanCommand, DiscoverCommand, GetStatusQuery, ListAssetsQuery, StartRunCommand } from '@autonomos/aoa';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { TaskDto } from '../tasks/tasks.dto';
import { AoaStatusDto, AssetPageDto, DemoScanResultDto, DiscoverDto, DiscoveryResultDto, ListAssetsDto, RunDto } from './aoa.dto';

const AOD_CONTRACT =
  'Calls the AOS Discover service: `POST {AOD_BASE_URL}/discover` with `{ tenantId, scope: "query" | "full", query, cursor?, limit? }` and ' +
  'the `X-Correlation-Id` header; it answers `{ requestId, scannedAt, assets: [{ id, name, kind, vendor, owner, dataClasses, exposure, encrypted, ' +
  'lastReviewedAt, records }], nextCursor }` (full scans page with cursor/nextCursor). The answer is checked against that contract. ' +
  'AOD unreachable (connection refused or reset) or failing with 5xx after AOD_RETRIES retries: 502 aod_unreachable / aod_failed; ' +
  'no answer within AOD_TIMEOUT_MS: 504 aod_timeout; an answer off the contract: 502 aod_off_contract naming the wrong field; a 4xx: 502 aod_rejected. ' +
  'On any of these nothing is stored.';

@ApiTags('aoa')
@ApiBearerAuth()
@Controller('aoa')
export class AoaController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('discover')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({
    operationId: 'discoverAssets',
    summary: 'Ask AOD for the assets a natural-language request is about; returns them with their risk and recommendations (connect this source, review that asset)',
    description: AOD_CONTRACT,
  })
  @ApiOkResponse({ type: DiscoveryResultDto })
  @ApiProblems(400, 401, 403, 502, 504)
  discover(@Body() body: DiscoverDto): Promise<DiscoveryResultDto> {
    return this.commands.execute(new DiscoverCommand(body.query));
  }

  @Post('demo-scan')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({
    operationId: 'demoScan',
    summary: 'Full asset discovery: store every asset AOD reports with its risk level, queue high and medium ones for review (HITL kind asset), return counts per level',
    description:
      `${AOD_CONTRACT}\n\nRisk: points from the attributes — most sensitive data class (credentials/health 4, pii/financial 3, confidential 2, internal 1, public 0), ` +
      'exposure (public 3, partner 2, internal/private 0), not encrypted (3 with sensitive data, else 1), no owner 1, never reviewed or over a year before AOD’s snapshot 1; ' +
      'high ≥ 6, medium ≥ 4, else low. Deterministic: the same estate always gives the same levels. Assets are stored once per AOD id; a review is queued once per asset.',
  })
  @ApiOkResponse({ type: DemoScanResultDto })
  @ApiProblems(401, 403, 502, 504)
  demoScan(): Promise<DemoScanResultDto> {
    return this.commands.execute(new DemoScanCommand());
  }

  @Post('run')
  @HttpCode(202)
  @Roles('admin', 'operator')
  @ApiOperation({
    operationId: 'startPipelineRun',
    summary: 'Run the whole flow for your tenant as one task: sync every connection → drift → repair (mapping saga) → refresh views; follow it under /tasks or live events',
  })
  @ApiAcceptedResponse({ type: TaskDto })
  @ApiProblems(400, 401, 403)
  run(@Body() body: RunDto): Promise<TaskDto> {
    return this.commands.execute(new StartRunCommand(body.mode));
  }

  @Get('status')
  @ApiOperation({ operationId: 'getAoaStatus', summary: 'Where your tenant stands: connections and their last sync, open drift, pending reviews, view freshness, LLM usage, assets, last run' })
  @ApiOkResponse({ type: AoaStatusDto })
  @ApiProblems(401)
  status(): Promise<AoaStatusDto> {
    return this.queries.execute(new GetStatusQuery());
  }

  @Get('assets')
  @ApiOperation({ operationId: 'listAssets', summary: 'Discovered assets of your tenant with their risk, by AOD asset id' })
  @ApiOkResponse({ type: AssetPageDto })
  @ApiProblems(400, 401)
  assets(@Query() query: ListAssetsDto): Promise<AssetPageDto> {
    return this.queries.execute(new ListAssetsQuery({ level: query.level }, query.limit ?? 100, query.cursor));
  }
}
