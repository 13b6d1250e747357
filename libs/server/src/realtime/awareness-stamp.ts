import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who sent an awareness update, as the server knows them (never as the client claims). */
export interface AwarenessSender {
  userId: string;
  displayName: string;
  /** A reader without the right to edit: their state carries presence only (no caret). */
  readOnly: boolean;
  /** Whether this sender may speak for `clientId` (it is theirs, or nobody's yet). */
  mayUse: (clientId: number) => boolean;
}

/** A colour the editor draws carets in: a short hex colour, nothing else. */
const COLOUR = /^#[0-9a-f]{3,8}$/i;

/**
 * Rewrites a y-protocols awareness update so it can only say what its sender may: entries for
 * client ids of someone else are dropped (no claiming or clearing another editor's state), and
 * each state's `user` is stamped with the sender's own id and name (a client cannot appear as
 * another person); a read-only reader's state keeps `user` only. Returns the update to apply and
 * broadcast, with the client ids it speaks for, or null when it is not an awareness update.
 */
export function stampAwareness(
  message: Uint8Array,
  sender: AwarenessSender,
): { update: Uint8Array; clientIds: number[] } | null {
  const entries: { clientId: number; clock: number; state: string }[] = [];
  try {
    const decoder = decoding.createDecoder(message);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (!sender.mayUse(clientId)) continue;
      entries.push({ clientId, clock, state: stampState(json, sender) });
    }
  } catch {
    return null;
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: entries.map((e) => e.clientId) };
}

/** One state as JSON, stamped; `null` (the client leaving) stays null. */
function stampState(json: string, sender: AwarenessSender): string {
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  const given = typeof state === 'object' && !Array.isArray(state) ? state : {};
  const claimed = (given as Record<string, unknown>)['user'];
  const colour =
    typeof claimed === 'object' && claimed !== null
      ? (claimed as Record<string, unknown>)['color']
      : undefined;
  const user = {
    userId: sender.userId,
    name: sender.displayName,
    ...(typeof colour === 'string' && COLOUR.test(colour) ? { color: colour } : {}),
  };
  return JSON.stringify(sender.readOnly ? { user } : { ...given, user });
}
