import { randomUUID } from 'node:crypto';
import { connectRealtime, type RealtimeSocket } from '@vigil/client';
import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CanaryRegistry, LeakLedger, ProbeName } from './canaries.js';

/** One thing a socket received: a server event, an acknowledgement, or a connection error. */
export interface Received {
  event: string;
  args: unknown[];
  /** Received after the probe's cut (it had lost access by then). */
  afterCut: boolean;
  /** For doc:sync: the document's text before and after this message was applied. */
  docText?: { before: string; after: string };
}

/**
 * A socket of one person that records everything it receives (`onAny`), its acknowledgements
 * included, and keeps a Y.Doc per document it was sent updates for, so document text is scanned
 * as text and not only as bytes.
 */
export class RecordingSocket {
  readonly received: Received[] = [];
  private readonly docs = new Map<string, Y.Doc>();
  private cutDone = false;
  socket: RealtimeSocket | null = null;
  connectError: string | null = null;

  constructor(
    readonly probe: ProbeName,
    private readonly url: string,
    private readonly token: string | null,
  ) {}

  /** Connects; resolves true once accepted, false when the handshake is refused. */
  async connect(): Promise<boolean> {
    const socket = connectRealtime({ url: this.url, token: () => this.token, reconnection: false });
    socket.onAny((event: string, ...args: unknown[]) => this.onEvent(event, args));
    socket.on('disconnect', (reason) => this.push('disconnect', [reason]));
    const accepted = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('connect_error', (error) => {
        this.connectError = error.message;
        this.push('connect_error', [
          { message: error.message, data: (error as { data?: unknown }).data },
        ]);
        resolve(false);
      });
    });
    if (accepted) this.socket = socket;
    else socket.close();
    return accepted;
  }

  /** From now on, whatever arrives is judged as received after the probe lost access. */
  cut(): void {
    this.cutDone = true;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Emits with an acknowledgement and records the answer (it is something received too). */
  async ask(event: string, payload: unknown, ms = 15_000): Promise<unknown> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, error: 'not connected' };
    try {
      const emit = socket.timeout(ms).emitWithAck as unknown as (
        e: string,
        p: unknown,
      ) => Promise<unknown>;
      const answer = await emit.call(socket, event, payload);
      this.push(`ack:${event}`, [answer]);
      return answer;
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  }

  async joinCase(caseId: string): Promise<unknown> {
    return this.ask('case:join', { caseId });
  }

  /** doc:join, then sync step 1 from an empty document: the server answers with all it holds. */
  async joinDocument(documentId: string): Promise<unknown> {
    const answer = (await this.ask('doc:join', { documentId })) as { ok?: boolean };
    if (answer?.ok) {
      const doc = this.docOf(documentId);
      const step1 = encoding.createEncoder();
      syncProtocol.writeSyncStep1(step1, doc);
      await this.ask('doc:sync', { documentId, message: encoding.toUint8Array(step1) });
    }
    return answer;
  }

  /** Sends a y-protocols update that appends `text` to the document; the server's answer. */
  async typeInto(documentId: string, text: string): Promise<unknown> {
    const doc = this.docOf(documentId);
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    doc.on('update', capture);
    appendParagraph(doc, text);
    doc.off('update', capture);
    const message = encoding.createEncoder();
    syncProtocol.writeUpdate(message, update ?? new Uint8Array());
    return this.ask('doc:sync', { documentId, message: encoding.toUint8Array(message) });
  }

  /**
   * A round trip on this socket: once its acknowledgement is back, everything the server had
   * queued for this socket before has arrived (one connection keeps its order).
   */
  async fence(): Promise<void> {
    if (!this.socket?.connected) return;
    await this.ask('case:leave', { caseId: randomUUID() }).catch(() => undefined);
  }

  close(): void {
    this.socket?.close();
  }

  private docOf(documentId: string): Y.Doc {
    let doc = this.docs.get(documentId);
    if (!doc) {
      doc = new Y.Doc();
      this.docs.set(documentId, doc);
    }
    return doc;
  }

  private push(event: string, args: unknown[], docText?: Received['docText']): void {
    this.received.push({ event, args, afterCut: this.cutDone, docText });
  }

  private onEvent(event: string, args: unknown[]): void {
    if (event !== 'doc:sync') {
      this.push(event, args);
      return;
    }
    const message = args[0] as { documentId?: string; message?: Uint8Array } | undefined;
    if (!message?.documentId || !message.message) {
      this.push(event, args);
      return;
    }
    // Applied to this socket's copy of the document: what text did this message bring?
    const doc = this.docOf(message.documentId);
    const before = textOf(doc);
    try {
      syncProtocol.readSyncMessage(
        decoding.createDecoder(new Uint8Array(message.message)),
        encoding.createEncoder(),
        doc,
        this,
      );
    } catch {
      // Not a sync message this decoder understands: its bytes are scanned all the same.
    }
    const after = textOf(doc);
    this.push(event, args, after === before ? undefined : { before, after });
  }

  /** Scans everything received into the ledger, as the channel `socket`. */
  scanInto(ledger: LeakLedger, registry: CanaryRegistry): void {
    for (const r of this.received) {
      const where = `event ${r.event}`;
      const hits = registry.findInJson(r.args, '$');
      if (r.docText) {
        // Only what this message added: earlier text was judged when it arrived.
        const old = new Set(registry.findInText(r.docText.before).map((f) => f.canary.key));
        for (const f of registry.findInText(r.docText.after))
          if (!old.has(f.canary.key)) hits.push({ canary: f.canary, at: 'document text' });
      }
      ledger.record({ channel: 'socket', probe: this.probe, where, afterCut: r.afterCut }, hits);
    }
  }
}

/** The plain text of a document's ProseMirror fragment. */
export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment(DOCUMENT_FRAGMENT).toString();
}

/** Appends a paragraph of `text`, as Tiptap would write it. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(fragment.length, [paragraph]);
    const run = new Y.XmlText();
    paragraph.insert(0, [run]);
    run.insert(0, text);
  });
}
