import * as decoding from 'lib0/decoding';
import { z } from 'zod';

/**
 * Bytes as MessagePack's `bin` (a Buffer): every client decodes that as bytes, whereas a plain
 * Uint8Array goes out as an extension type the browser's decoder hands over as [type, bytes].
 */
export function wire(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The Socket.IO room of a document's editors. */
export function documentRoom(documentId: string): string {
  return `doc:${documentId}`;
}

export function toBase64(bytes: Uint8Array): string {
  return wire(bytes).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** `{ documentId }` (join, leave). */
export const documentRequest = z.object({ documentId: z.string().max(64) });

/** `{ documentId, message }` (sync, awareness). */
export const messageRequest = z.object({
  documentId: z.string().max(64),
  // MessagePack delivers bytes as a Buffer or an ArrayBuffer, depending on the sender.
  message: z
    .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
    .transform((bytes) => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))),
});

/** A y-protocols sync message split into its type and payload; null when it is not one. */
export function readSyncMessage(message: Uint8Array): { type: number; payload: Uint8Array } | null {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    return { type, payload: decoding.readVarUint8Array(decoder) };
  } catch {
    return null;
  }
}
