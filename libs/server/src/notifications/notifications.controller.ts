import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequirePolicy } from '../authorization/policy.decorator.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  ListNotificationsQueryDto,
  NotificationPageResponse,
  NotificationResponse,
} from './notification.response.js';
import { NotificationsService } from './notifications.service.js';

class MarkedResponse {
  @ApiProperty() marked!: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePolicy('read', 'Notification')
  @ApiOperation({ summary: 'Your notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageResponse })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationPageResponse> {
    return this.notifications.list(ctx, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePolicy('update', 'Notification')
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: MarkedResponse })
  readAll(@Ctx() ctx: RequestContext): Promise<MarkedResponse> {
    return this.notifications.markAllRead(ctx);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePolicy('update', 'Notification')
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiOkResponse({ type: NotificationResponse })
  read(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(ctx, id);
  }
}
