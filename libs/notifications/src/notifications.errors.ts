import { DomainError } from '@autonomos/platform';

export enum NotificationsErrorCode {
  SlackNotConfigured = 'slack_not_configured',
}

export const notificationsErrors = {
  slackNotConfigured: () => new DomainError(NotificationsErrorCode.SlackNotConfigured, 'conflict', 'No Slack webhook is set: PUT /settings/slack first'),
};
