import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import * as Y from 'yjs';

/**
 * Where the items of a Yjs update land in a document, worked out before the update is applied:
 * which shared type each item goes into, under which key, and how deep that type sits below its
 * root. A decoded item names its parent only when it has no neighbour (a root's name, or the id
 * of the item holding the parent type); otherwise its parent is its left (or right) neighbour's,
 * so placing an item can mean placing other items first. Every lookup is iterative: an update
 * nesting thousands of elements costs a loop, never the call stack.
 */

/** The kind of shared type an item is placed in. */
export type NodeKind = 'element' | 'text' | 'other';

/** A shared type items are placed in. */
export type TypeRef =
  | { kind: 'root'; name: string }
  /** A nested type: `depth` 1 directly under its root; `root` null when past `maxDepth`. */
  | { kind: 'type'; node: NodeKind; name: string; depth: number; root: string | null }
  /** Yjs will drop the item (a neighbour or its parent was garbage-collected). */
  | { kind: 'dropped' }
  /** It refers to something this server has not received (or reuses an id being stored). */
  | { kind: 'unknown' }
  /** No valid update does this (a parent that is not a type, a cycle). */
  | { kind: 'malformed' };

/** Where one item goes: into which type, and under which key (null: the type's sequence). */
export interface Placement {
  parent: TypeRef;
  parentSub: string | null;
}

/** An item of an update accepted but not yet applied to the document (still being stored). */
export interface FlightItem {
  /** When it was accepted (entries left by an update that was never stored expire). */
  at: number;
  clock: number;
  length: number;
  placement: Placement;
  /** The type this item holds, when it holds one. */
  holds: TypeRef | null;
}

const UNKNOWN: TypeRef = { kind: 'unknown' };
const DROPPED: TypeRef = { kind: 'dropped' };
const MALFORMED: TypeRef = { kind: 'malformed' };

type Located =
  | { in: 'doc'; struct: Y.Item | Y.GC }
  | { in: 'flight'; item: FlightItem }
  | { in: 'update'; struct: Y.Item | Y.GC | Y.Skip }
  | null;

/** The node kind of a shared type (XmlElement extends XmlFragment, XmlText extends Text). */
export function nodeKindOf(type: unknown): NodeKind {
  if (type instanceof Y.XmlElement) return 'element';
  if (type instanceof Y.XmlText) return 'text';
  return 'other';
}

function nodeNameOf(type: unknown): string {
  return type instanceof Y.XmlElement ? type.nodeName : '';
}

/** Finds the entry covering `clock` in a list ordered by clock (binary search), or null. */
function findIn<T>(
  list: readonly T[],
  clock: number,
  range: (entry: T) => [number, number],
): T | null {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = list[mid];
    if (entry === undefined) break;
    const [start, length] = range(entry);
    if (clock < start) high = mid - 1;
    else if (clock >= start + length) low = mid + 1;
    else return entry;
  }
  return null;
}

const structRange = (s: { id: Y.ID; length: number }): [number, number] => [s.id.clock, s.length];
const flightRange = (f: FlightItem): [number, number] => [f.clock, f.length];

/** Places the items of one decoded update against a document and the items still in flight. */
export class UpdatePlacement {
  private readonly byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  private readonly placements = new Map<Y.Item, Placement>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
    private readonly flight: ReadonlyMap<number, readonly FlightItem[]>,
    private readonly maxDepth: number,
  ) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client) ?? [];
      list.push(s);
      this.byClient.set(s.id.client, list);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** True when the document already holds all of this struct (Yjs skips it). */
  present(struct: { id: Y.ID; length: number }): boolean {
    return Y.getState(this.doc.store, struct.id.client) >= struct.id.clock + struct.length;
  }

  /** True when part of this struct is still being stored from an earlier update. */
  inFlight(struct: { id: Y.ID; length: number }): boolean {
    const list = this.flight.get(struct.id.client) ?? [];
    // The first entry ending after the struct starts (entries are ordered and do not overlap).
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const f = list[mid];
      if (f && f.clock + f.length <= struct.id.clock) low = mid + 1;
      else high = mid;
    }
    const first = list[low];
    return first !== undefined && first.clock < struct.id.clock + struct.length;
  }

  /** Where `item` goes. */
  placementOf(item: Y.Item): Placement {
    const stack: Y.Item[] = [item];
    const waiting = new Set<Y.Item>();
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      if (this.placements.has(top)) {
        stack.pop();
        continue;
      }
      const step = this.step(top);
      if ('needs' in step) {
        if (waiting.has(step.needs) || waiting.has(top)) {
          // A cycle: no real update places an item through itself.
          this.placements.set(top, { parent: MALFORMED, parentSub: null });
          stack.pop();
          continue;
        }
        waiting.add(top);
        stack.push(step.needs);
        continue;
      }
      waiting.delete(top);
      this.placements.set(top, step.placement);
      stack.pop();
    }
    return this.placements.get(item) ?? { parent: MALFORMED, parentSub: null };
  }

  /** The type an item of this update holds (ContentType), placed. */
  holdsOf(item: Y.Item): TypeRef {
    return this.typeHeldBy(item, this.placementOf(item));
  }

  private typeHeldBy(item: Y.Item, placement: Placement): TypeRef {
    if (!(item.content instanceof Y.ContentType)) return MALFORMED;
    const type = item.content.type;
    const parent = placement.parent;
    if (parent.kind === 'root') {
      return {
        kind: 'type',
        node: nodeKindOf(type),
        name: nodeNameOf(type),
        depth: 1,
        root: parent.name,
      };
    }
    if (parent.kind !== 'type') return parent;
    return {
      kind: 'type',
      node: nodeKindOf(type),
      name: nodeNameOf(type),
      depth: parent.depth + 1,
      root: parent.root,
    };
  }

  /** One step of placing `item`: the answer, or another item of this update to place first. */
  private step(item: Y.Item): { placement: Placement } | { needs: Y.Item } {
    const parent: unknown = item.parent;
    if (typeof parent === 'string') {
      return { placement: { parent: { kind: 'root', name: parent }, parentSub: item.parentSub } };
    }
    if (parent instanceof Y.ID) {
      const found = this.locate(parent);
      if (found?.in === 'update' && found.struct instanceof Y.Item) {
        const placed = this.placements.get(found.struct);
        if (!placed) return { needs: found.struct };
        return {
          placement: { parent: this.typeHeldBy(found.struct, placed), parentSub: item.parentSub },
        };
      }
      return { placement: { parent: this.heldAt(found), parentSub: item.parentSub } };
    }
    // No parent written: the left neighbour's (Yjs drops the item if either neighbour is gone).
    const left = item.origin ? this.locate(item.origin) : null;
    const right = item.rightOrigin ? this.locate(item.rightOrigin) : null;
    if (!left && !right) {
      const missing = item.origin !== null || item.rightOrigin !== null;
      return { placement: { parent: missing ? UNKNOWN : MALFORMED, parentSub: null } };
    }
    if ((item.origin && !left) || (item.rightOrigin && !right)) {
      return { placement: { parent: UNKNOWN, parentSub: null } };
    }
    if (isGc(left) || isGc(right)) return { placement: { parent: DROPPED, parentSub: null } };
    const neighbour = left ?? right;
    if (neighbour?.in === 'update') {
      if (!(neighbour.struct instanceof Y.Item)) {
        return { placement: { parent: UNKNOWN, parentSub: null } }; // a Skip: content not sent
      }
      const placed = this.placements.get(neighbour.struct);
      return placed ? { placement: placed } : { needs: neighbour.struct };
    }
    if (neighbour?.in === 'flight') return { placement: neighbour.item.placement };
    if (neighbour?.in === 'doc' && neighbour.struct instanceof Y.Item) {
      return { placement: this.livePlacement(neighbour.struct) };
    }
    return { placement: { parent: UNKNOWN, parentSub: null } };
  }

  /** The type held by a struct outside this update (in the document or in flight). */
  private heldAt(found: Located): TypeRef {
    if (!found) return UNKNOWN;
    if (found.in === 'flight') return found.item.holds ?? MALFORMED;
    if (found.in === 'update') return found.struct instanceof Y.GC ? DROPPED : UNKNOWN;
    if (found.struct instanceof Y.GC) return DROPPED;
    if (!(found.struct.content instanceof Y.ContentType)) return MALFORMED;
    return this.liveType(found.struct.content.type);
  }

  /** Where an item of the document sits. */
  private livePlacement(item: Y.Item): Placement {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return { parent: UNKNOWN, parentSub: null };
    return { parent: this.liveType(parent), parentSub: item.parentSub };
  }

  /** A type of the document: its root's name and its depth, walking up at most maxDepth + 1. */
  private liveType(type: Y.AbstractType<unknown>): TypeRef {
    if (type._item === null) return { kind: 'root', name: Y.findRootTypeKey(type) };
    let depth = 0;
    let current: Y.AbstractType<unknown> = type;
    while (current._item !== null) {
      depth += 1;
      if (depth > this.maxDepth) {
        return { kind: 'type', node: nodeKindOf(type), name: nodeNameOf(type), depth, root: null };
      }
      const up: unknown = current._item.parent;
      if (!(up instanceof Y.AbstractType)) return UNKNOWN;
      current = up as Y.AbstractType<unknown>;
    }
    const root = Y.findRootTypeKey(current);
    return { kind: 'type', node: nodeKindOf(type), name: nodeNameOf(type), depth, root };
  }

  /** The struct holding `id`: the document first (it wins over a resend), then in flight, then here. */
  private locate(id: Y.ID): Located {
    if (Y.getState(this.doc.store, id.client) > id.clock) {
      const structs = this.doc.store.clients.get(id.client);
      if (!structs) return null;
      const struct = structs[Y.findIndexSS(structs, id.clock)];
      return struct ? { in: 'doc', struct } : null;
    }
    const item = findIn(this.flight.get(id.client) ?? [], id.clock, flightRange);
    if (item) return { in: 'flight', item };
    const here = findIn(this.byClient.get(id.client) ?? [], id.clock, structRange);
    return here ? { in: 'update', struct: here } : null;
  }
}

function isGc(found: Located): boolean {
  return found !== null && found.in !== 'flight' && found.struct instanceof Y.GC;
}

/** True for the root of the editor's text. */
export function isEditorRoot(name: string | null): boolean {
  return name === DOCUMENT_FRAGMENT;
}
