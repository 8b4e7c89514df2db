import { GetDclSettingsQuery, SetDclSettingsCommand } from '@autonomos/dcl';
import { GetSlackSettingsQuery, ListDeliveriesQuery, NotifyCommand, notificationsErrors, SetSlackWebhookCommand } from '@autonomos/notifications';
import { DomainError } from '@autonomos/platform';
import { GetRepairPolicyQuery, RepairPolicy, SetRepairPolicyCommand } from '@autonomos/repair';
import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { DclSettingsDto, DeliveryDto, ListDeliveriesDto, RepairPolicyDto, SetSlackDto, SlackSettingsDto, TestNotificationDto } from './settings.dto';

@ApiTags('settings')
@ApiBearerAuth()
@Controller()
export class SettingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('settings/repair-policy')
  @Roles('admin', 'operator', 'reviewer')
  @ApiOperation({ operationId: 'getRepairPolicy', summary: 'When repairs apply themselves: thresholds per tenant, domain, money and field; whether breaking changes always need a person' })
  @ApiOkResponse({ type: RepairPolicyDto })
  @ApiProblems(401, 403)
  getPolicy(): Promise<RepairPolicyDto> {
    return this.queries.execute(new GetRepairPolicyQuery());
  }

  @Put('settings/repair-policy')
  @Roles('admin')
  @ApiOperation({ operationId: 'setRepairPolicy', summary: 'Replace the repair policy (audited)' })
  @ApiOkResponse({ type: RepairPolicyDto })
  @ApiProblems(400, 401, 403)
  setPolicy(@Body() body: RepairPolicyDto): Promise<RepairPolicyDto> {
    for (const [field, value] of Object.entries(body.fieldThresholds ?? {})) {
      if (typeof value !== 'number' || value < 0 || value > 1) {
        throw new DomainError('invalid_input', 'invalid', 'The request is invalid', [{ field: `fieldThresholds.${field}`, message: 'must be a number in [0, 1]' }]);
      }
    }
    return this.commands.execute(new SetRepairPolicyCommand({ ...body } as RepairPolicy));
  }

  @Get('settings/dcl')
  @Roles('admin')
  @ApiOperation({ operationId: 'getDclSettings', summary: 'How the DCL gets your records: from the AAM streams (aam) or directly from the connections (legacy)' })
  @ApiOkResponse({ type: DclSettingsDto })
  @ApiProblems(401, 403)
  getDcl(): Promise<DclSettingsDto> {
    return this.queries.execute(new GetDclSettingsQuery());
  }

  @Put('settings/dcl')
  @Roles('admin')
  @ApiOperation({ operationId: 'setDclSettings', summary: 'Switch the DCL mode (audited); the stream consumers see it within DCL_DISCOVERY_MS' })
  @ApiOkResponse({ type: DclSettingsDto })
  @ApiProblems(400, 401, 403)
  setDcl(@Body() body: DclSettingsDto): Promise<DclSettingsDto> {
    return this.commands.execute(new SetDclSettingsCommand({ mode: body.mode }));
  }

  @Get('settings/slack')
  @Roles('admin')
  @ApiOperation({ operationId: 'getSlackSettings', summary: 'Whether a Slack webhook is set (the URL is never returned)' })
  @ApiOkResponse({ type: SlackSettingsDto })
  @ApiProblems(401, 403)
  getSlack(): Promise<SlackSettingsDto> {
    return this.queries.execute(new GetSlackSettingsQuery());
  }

  @Put('settings/slack')
  @Roles('admin')
  @ApiOperation({ operationId: 'setSlackWebhook', summary: 'Set the Slack Incoming Webhook for review requests and breaking drift (stored encrypted)' })
  @ApiOkResponse({ type: SlackSettingsDto })
  @ApiProblems(400, 401, 403)
  async setSlack(@Body() body: SetSlackDto): Promise<SlackSettingsDto> {
    await this.commands.execute(new SetSlackWebhookCommand(body.webhookUrl));
    return this.queries.execute(new GetSlackSettingsQuery());
  }

  @Post('settings/slack/test')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    operationId: 'testSlackWebhook',
    summary: 'Send a test message to the Slack webhook',
    description: 'Queued like any notification (retried with backoff); its outcome shows under GET /notifications.',
  })
  @ApiAcceptedResponse({ type: TestNotificationDto })
  @ApiProblems(401, 403, 409)
  async testSlack(): Promise<TestNotificationDto> {
    const { deliveryId } = await this.commands.execute(
      new NotifyCommand({ kind: 'test', dedupeKey: `test:${randomUUID()}`, text: 'AutonomOS test message: review requests and breaking schema drift will arrive here.' }),
    );
    if (!deliveryId) throw notificationsErrors.slackNotConfigured();
    return { deliveryId };
  }

  @Delete('settings/slack')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ operationId: 'deleteSlackWebhook', summary: 'Stop notifying Slack' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async deleteSlack(): Promise<void> {
    await this.commands.execute(new SetSlackWebhookCommand(null));
  }

  @Get('notifications')
  @ApiTags('notifications')
  @Roles('admin', 'operator')
  @ApiOperation({ operationId: 'listNotifications', summary: 'Latest Slack notifications and how their delivery went (queued, sent, failed with the error)' })
  @ApiOkResponse({ type: [DeliveryDto] })
  @ApiProblems(400, 401, 403)
  deliveries(@Query() query: ListDeliveriesDto): Promise<DeliveryDto[]> {
    return this.queries.execute(new ListDeliveriesQuery(query.status, query.limit ?? 50));
  }
}
