import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../common/request-context.js';
import {
  ListNotificationsQueryDto,
  NotificationPageResponse,
  NotificationResponse,
} from './notification.response.js';
import { NotificationsService } from './notifications.service.js';
import { Route } from '../authorization/route.decorator.js';
import { IdParam } from '../common/id-param.js';

class MarkedResponse {
  @ApiProperty() marked!: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route('GET', undefined, {
    access: ['read', 'Notification'],
    summary: 'Your notifications, newest first, with the unread count',
    answers: NotificationPageResponse,
  })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationPageResponse> {
    return this.notifications.list(ctx, query);
  }

  @Route('POST', 'read-all', {
    access: ['update', 'Notification'],
    summary: 'Mark all your notifications read',
    answers: MarkedResponse,
    status: 200,
  })
  readAll(@Ctx() ctx: RequestContext): Promise<MarkedResponse> {
    return this.notifications.markAllRead(ctx);
  }

  @Route('POST', ':id/read', {
    access: ['update', 'Notification'],
    summary: 'Mark one notification read',
    answers: NotificationResponse,
    status: 200,
  })
  read(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(ctx, id);
  }
}
