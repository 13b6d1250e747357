import { Module } from '@nestjs/common';
import { IdentityModule } from '../auth/identity.module.js';
import { CaseRooms } from './case-rooms.js';
import { OutboxRelay } from './outbox-relay.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** The Socket.IO gateway and the outbox relay: the api only (the worker has no sockets). */
@Module({
  imports: [IdentityModule],
  providers: [CaseRooms, RealtimeGateway, OutboxRelay],
  exports: [RealtimeGateway, OutboxRelay],
})
export class RealtimeModule {}
