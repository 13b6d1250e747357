import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** Something that happened to a case, published after its transaction commits. */
export interface CaseDomainEvent {
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * In-process publication of committed case events. Live delivery to sockets (and the durable
 * outbox between commit and delivery) subscribe here.
 */
@Injectable()
export class CaseEventBus {
  private readonly emitter = new EventEmitter();

  publish(event: CaseDomainEvent): void {
    this.emitter.emit('case-event', event);
  }

  subscribe(listener: (event: CaseDomainEvent) => void): () => void {
    this.emitter.on('case-event', listener);
    return () => this.emitter.off('case-event', listener);
  }
}
