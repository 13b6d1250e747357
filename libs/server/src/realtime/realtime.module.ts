import { Module } from '@nestjs/common';
import { IdentityModule } from '../auth/identity.module.js';
import { DocumentStore } from '../documents/document.store.js';
import { CaseRooms } from './case-rooms.js';
import { DocumentHub } from './document-hub.js';
import { DocumentTraffic } from './document-traffic.js';
import { OutboxRelay } from './outbox-relay.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { SocketAccess } from './socket-access.js';
import { SocketFanOut } from './socket-fan-out.js';

/**
 * The Socket.IO gateway, the outbox relay and collaborative drafting: the api only (the worker
 * has no sockets).
 */
@Module({
  imports: [IdentityModule],
  providers: [
    CaseRooms,
    RealtimeGateway,
    OutboxRelay,
    DocumentHub,
    DocumentStore,
    SocketAccess,
    SocketFanOut,
    DocumentTraffic,
  ],
  exports: [RealtimeGateway, OutboxRelay, DocumentHub],
})
export class RealtimeModule {}
