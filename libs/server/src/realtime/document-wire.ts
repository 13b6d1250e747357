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
