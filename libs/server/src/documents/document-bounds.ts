import { Logger } from '@nestjs/common';
import {
  DOCUMENT_ATTRIBUTE_MAX_BYTES,
  DOCUMENT_MAX_DEPTH,
  DOCUMENT_REFUSALS,
  DOCUMENT_UPDATE_NOT_READY,
} from '@vigil/domain';
import * as Y from 'yjs';
import type { AppConfig } from '../config/app-config.js';
import {
  EDITOR_MARKS,
  EDITOR_NODE_ATTRIBUTES,
  EDITOR_NODES,
  markNameOf,
  plainValueBytes,
} from './editor-schema.js';
import {
  type FlightItem,
  isEditorRoot,
  type Placement,
  type TypeRef,
  UpdatePlacement,
} from './update-placement.js';

/** The structural limits a document update is held to (docs/security.md, "Limits"). */
export interface DocumentLimits {
  /** Bytes of the document's Yjs state (what a late joiner receives and compaction stores). */
  maxBytes: number;
  /** Shared types (elements and text runs) in the document. */
  maxNodes: number;
  /** Nested types below the `default` fragment. */
  maxDepth: number;
  /** JSON bytes of one node attribute or mark value. */
  maxAttributeBytes: number;
}

/** The limits of a configuration. */
export function documentLimits(config: Pick<AppConfig, 'DOC_MAX_BYTES' | 'DOC_MAX_NODES'>) {
  return {
    maxBytes: config.DOC_MAX_BYTES,
    maxNodes: config.DOC_MAX_NODES,
    maxDepth: DOCUMENT_MAX_DEPTH,
    maxAttributeBytes: DOCUMENT_ATTRIBUTE_MAX_BYTES,
  } satisfies DocumentLimits;
}

/** A refused update, as the socket answers it. */
export interface BoundsRefusal {
  ok: false;
  error: string;
}

/** Who sent the update, for the log. */
export interface BoundsContext {
  documentId?: string;
  userId?: string;
}

type Reason = keyof typeof DOCUMENT_REFUSALS | 'notReady' | 'malformed';

const MALFORMED = 'That message is not a valid Yjs sync message.';
/** An update accepted but never applied (its write failed) stops counting after this. */
const FLIGHT_TTL_MS = 5000;
/** Near a limit, the document is measured exactly at most this often. */
const RECOUNT_INTERVAL_MS = 1000;

/**
 * What is known of a live document's size: counted exactly now and then, and between counts
 * grown by every update applied (and by the updates accepted and still being stored), so a
 * check costs the update's size, not the document's.
 */
interface BoundsState {
  bytes: number;
  nodes: number;
  countedAt: number;
  changedSinceCount: boolean;
  /** Something was deleted since the count: the estimate is surely high, count again at once. */
  deletedSinceCount: boolean;
  flight: { at: number; bytes: number; nodes: number; ends: Map<number, number> }[];
  items: Map<number, FlightItem[]>;
}

const states = new WeakMap<Y.Doc, BoundsState>();
const logger = new Logger('DocumentBounds');

/**
 * Checks a Yjs update against a document before it is stored or sent to anyone (issue 15): it
 * may only write the editor's `default` fragment, with the editor's nodes, attributes and marks;
 * no type deeper than maxDepth; attribute values within maxAttributeBytes; and the document must
 * stay within maxNodes and maxBytes. Returns the refusal, or null when the update may be stored;
 * an accepted update is remembered as in flight until `doc` has applied it, so the next update
 * of a fast typist can build on it.
 */
export function checkUpdateBounds(
  doc: Y.Doc,
  update: Uint8Array,
  config: Pick<AppConfig, 'DOC_MAX_BYTES' | 'DOC_MAX_NODES'>,
  context: BoundsContext = {},
): BoundsRefusal | null {
  const limits = documentLimits(config);
  let reason: Reason | null;
  try {
    reason = judgeUpdate(doc, update, limits);
  } catch (error) {
    // Nothing a client sends may break the check: what cannot be judged is not stored.
    logger.error({ msg: 'document update could not be checked', err: error, ...context });
    reason = 'malformed';
  }
  if (reason === null) return null;
  if (reason !== 'notReady')
    logger.warn({ msg: 'document update out of bounds', reason, ...context });
  const error =
    reason === 'notReady'
      ? DOCUMENT_UPDATE_NOT_READY
      : reason === 'malformed'
        ? MALFORMED
        : DOCUMENT_REFUSALS[reason];
  return { ok: false, error };
}

function judgeUpdate(doc: Y.Doc, update: Uint8Array, limits: DocumentLimits): Reason | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'malformed';
  }
  const now = Date.now();
  const state = stateOf(doc, now);
  prune(doc, state, now);
  const placement = new UpdatePlacement(doc, decoded.structs, state.items, limits.maxDepth);
  const accepted: { client: number; item: FlightItem }[] = [];
  let nodes = 0;
  let adds = false;
  for (const struct of decoded.structs) {
    // GC and Skip structs carry no content; what the document holds already, Yjs skips.
    if (!(struct instanceof Y.Item) || placement.present(struct)) continue;
    if (placement.inFlight(struct)) return 'notReady';
    const where = placement.placementOf(struct);
    const verdict = judgeItem(struct, where, placement, limits);
    if (typeof verdict === 'string') return verdict;
    if (verdict.holds?.kind === 'type') nodes += 1;
    if (verdict.counts) adds = true;
    accepted.push({
      client: struct.id.client,
      item: {
        at: now,
        clock: struct.id.clock,
        length: struct.length,
        placement: where,
        holds: verdict.holds,
      },
    });
  }
  if (adds) {
    const overSize = withinSize(doc, state, limits, update.byteLength, nodes, now);
    if (overSize) return overSize;
  }
  remember(state, accepted, decoded.structs, update.byteLength, nodes, now);
  return null;
}

/** Whether one item may be written where it goes. */
function judgeItem(
  item: Y.Item,
  where: Placement,
  placement: UpdatePlacement,
  limits: DocumentLimits,
): Reason | { holds: TypeRef | null; counts: boolean } {
  const content = item.content;
  const holdsType = content instanceof Y.ContentType;
  const parent = where.parent;
  if (parent.kind === 'unknown') return 'notReady';
  if (parent.kind === 'malformed') return 'malformed';
  // Yjs will garbage-collect it, and whatever it holds.
  if (parent.kind === 'dropped') return { holds: holdsType ? parent : null, counts: false };
  const deleted = content instanceof Y.ContentDeleted;
  let container: 'sequence' | 'attribute' | 'text';
  if (parent.kind === 'root') {
    // A key on a root makes it a map: content no editor shows, in no version or hash.
    if (!isEditorRoot(parent.name) || where.parentSub !== null) return 'otherType';
    container = 'sequence';
  } else {
    if (parent.root === null) return 'tooDeep';
    if (!isEditorRoot(parent.root)) return 'otherType';
    if (parent.node === 'element') container = where.parentSub === null ? 'sequence' : 'attribute';
    else if (parent.node === 'text' && where.parentSub === null) container = 'text';
    else return deleted ? { holds: null, counts: false } : 'schema';
  }
  if (deleted) return { holds: null, counts: false };
  if (container === 'sequence') {
    if (!holdsType) return 'schema';
    const type = content.type;
    if (!(type instanceof Y.XmlText) && !(type instanceof Y.XmlElement)) return 'schema';
    if (type instanceof Y.XmlElement && !EDITOR_NODES.has(type.nodeName)) return 'schema';
    const holds = placement.holdsOf(item);
    if (holds.kind === 'type' && holds.depth > limits.maxDepth) return 'tooDeep';
    return { holds, counts: true };
  }
  if (container === 'attribute') {
    if (!EDITOR_NODE_ATTRIBUTES.has(where.parentSub ?? '')) return 'schema';
    if (!(content instanceof Y.ContentAny)) return 'schema';
    const values: unknown[] = content.getContent();
    const over = values.some(
      (v) => plainValueBytes(v, limits.maxAttributeBytes) > limits.maxAttributeBytes,
    );
    return over ? 'attribute' : { holds: null, counts: true };
  }
  if (content instanceof Y.ContentString) return { holds: null, counts: true };
  if (content instanceof Y.ContentFormat) {
    if (!EDITOR_MARKS.has(markNameOf(content.key))) return 'schema';
    const bytes = plainValueBytes(content.value, limits.maxAttributeBytes);
    return bytes > limits.maxAttributeBytes ? 'attribute' : { holds: null, counts: true };
  }
  return 'schema';
}

/** Whether the document stays within its node and byte limits with this update. */
function withinSize(
  doc: Y.Doc,
  state: BoundsState,
  limits: DocumentLimits,
  bytes: number,
  nodes: number,
  now: number,
): Reason | null {
  const over = () => {
    const pending = state.flight.reduce(
      (sum, f) => ({ bytes: sum.bytes + f.bytes, nodes: sum.nodes + f.nodes }),
      { bytes: 0, nodes: 0 },
    );
    if (nodes > 0 && state.nodes + pending.nodes + nodes > limits.maxNodes) return 'tooManyNodes';
    if (state.bytes + pending.bytes + bytes > limits.maxBytes) return 'tooLarge';
    return null;
  };
  const first = over();
  if (!first || !state.changedSinceCount) return first;
  if (!state.deletedSinceCount && now - state.countedAt < RECOUNT_INTERVAL_MS) return first;
  // The estimate only grows between counts (deletions are not subtracted): count exactly.
  count(doc, state, now);
  return over();
}

function stateOf(doc: Y.Doc, now: number): BoundsState {
  const known = states.get(doc);
  if (known) return known;
  const state: BoundsState = {
    bytes: 0,
    nodes: 0,
    countedAt: now,
    changedSinceCount: false,
    deletedSinceCount: false,
    flight: [],
    items: new Map(),
  };
  count(doc, state, now);
  doc.on('update', (applied: Uint8Array) => {
    const { types, deletes } = summary(applied);
    state.bytes += applied.byteLength;
    state.nodes += types;
    state.changedSinceCount = true;
    if (deletes) state.deletedSinceCount = true;
  });
  states.set(doc, state);
  return state;
}

/** Measures the document exactly: its encoded state, and the shared types not deleted. */
function count(doc: Y.Doc, state: BoundsState, now: number): void {
  state.bytes = Y.encodeStateAsUpdate(doc).byteLength;
  let nodes = 0;
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) {
      if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentType) nodes += 1;
    }
  }
  state.nodes = nodes;
  state.countedAt = now;
  state.changedSinceCount = false;
  state.deletedSinceCount = false;
}

/** The shared types an applied update adds, and whether it deletes anything. */
function summary(update: Uint8Array): { types: number; deletes: boolean } {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    const types = structs.filter(
      (s) => s instanceof Y.Item && s.content instanceof Y.ContentType,
    ).length;
    return { types, deletes: ds.clients.size > 0 };
  } catch {
    return { types: 0, deletes: false };
  }
}

/** Forgets what the document has applied since, and what was accepted too long ago. */
function prune(doc: Y.Doc, state: BoundsState, now: number): void {
  const applied = (client: number, end: number) => Y.getState(doc.store, client) >= end;
  state.flight = state.flight.filter(
    (f) => now - f.at < FLIGHT_TTL_MS && [...f.ends].some(([client, end]) => !applied(client, end)),
  );
  for (const [client, items] of state.items) {
    const kept = items.filter(
      (i) => now - i.at < FLIGHT_TTL_MS && !applied(client, i.clock + i.length),
    );
    if (kept.length > 0) state.items.set(client, kept);
    else state.items.delete(client);
  }
}

function remember(
  state: BoundsState,
  accepted: readonly { client: number; item: FlightItem }[],
  structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  bytes: number,
  nodes: number,
  now: number,
): void {
  if (accepted.length === 0) return;
  const ends = new Map<number, number>();
  for (const s of structs) {
    const end = s.id.clock + s.length;
    if (end > (ends.get(s.id.client) ?? 0)) ends.set(s.id.client, end);
  }
  state.flight.push({ at: now, bytes, nodes, ends });
  for (const { client, item } of accepted) {
    const list = state.items.get(client) ?? [];
    list.push(item);
    state.items.set(client, list);
  }
  for (const list of state.items.values()) list.sort((a, b) => a.clock - b.clock);
}
