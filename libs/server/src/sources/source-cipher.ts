import { Logger } from '@nestjs/common';
import { blindIndex, blindSearchTokens } from '../common/crypto/blind-index.js';
import type { DataKey, DataKeyring } from '../common/crypto/data-keys.js';
import {
  FieldCipherError,
  fieldContext,
  openField,
  readFieldHeader,
  sealField,
} from '../common/crypto/field-cipher.js';

/** Who gave information: the part of a source that is encrypted at rest. */
export interface SourceIdentity {
  name: string;
  contactNotes: string;
}

/** A source's identity as stored: both values under one key, and the blind index of the name. */
export interface SealedSourceIdentity {
  keyId: string;
  nameEnc: Buffer;
  contactNotesEnc: Buffer;
  nameIndex: string[];
}

/** The stored identity columns of one row (as SourceStore selects them). */
export interface StoredSourceIdentity {
  id: string;
  key_id: string;
  name_enc: Buffer;
  contact_notes_enc: Buffer;
}

/** What a reader sees instead of a name whose stored value cannot be decrypted. */
export const UNREADABLE_SOURCE_NAME = 'Unreadable source: its stored identity cannot be decrypted';

/** The blind index's domain: tokens of source names differ from any other field's. */
const NAME_DOMAIN = 'sources.name';

const logger = new Logger('SourceIdentities');

/**
 * Encrypts and decrypts source identities (name and contact notes) with the configured data keys,
 * and computes the blind index of names. Every read and write of a source identity goes through
 * this class (via SourceStore), so no code path handles a stored name in the clear.
 */
export class SourceCipher {
  constructor(readonly keyring: DataKeyring) {}

  /** Seals a source's identity under the active key (or `key`) for the row `id`. */
  seal(
    id: string,
    identity: SourceIdentity,
    key: DataKey = this.keyring.active,
  ): SealedSourceIdentity {
    return {
      keyId: key.id,
      nameEnc: sealField(key, identity.name, fieldContext('sources', 'name', id)),
      contactNotesEnc: sealField(
        key,
        identity.contactNotes,
        fieldContext('sources', 'contact_notes', id),
      ),
      nameIndex: blindIndex(key.indexKey, NAME_DOMAIN, identity.name),
    };
  }

  /** Decrypts both values; throws FieldCipherError naming the reason (never the value). */
  openOrThrow(row: StoredSourceIdentity): SourceIdentity {
    return {
      name: openField(this.keyring, row.name_enc, fieldContext('sources', 'name', row.id)),
      contactNotes: openField(
        this.keyring,
        row.contact_notes_enc,
        fieldContext('sources', 'contact_notes', row.id),
      ),
    };
  }

  /** The identity, or null (logged with the source id and key id only) if it cannot be read. */
  open(row: StoredSourceIdentity): SourceIdentity | null {
    try {
      return this.openOrThrow(row);
    } catch (error) {
      return this.failed(row, error);
    }
  }

  /** The name only (lists of items), or null if it cannot be read. */
  openName(row: Pick<StoredSourceIdentity, 'id' | 'key_id' | 'name_enc'>): string | null {
    try {
      return openField(this.keyring, row.name_enc, fieldContext('sources', 'name', row.id));
    } catch (error) {
      return this.failed(row, error);
    }
  }

  /**
   * The tokens a name search needs, one list per configured key: rows may be under different
   * keys while a rotation runs. Null when the query has no word.
   */
  searchTokens(query: string): string[][] | null {
    const perKey = this.keyring.keys.map((k) => blindSearchTokens(k.indexKey, NAME_DOMAIN, query));
    return perKey.every((t) => t !== null) ? (perKey as string[][]) : null;
  }

  /** The key id a stored value's header names, or null if it has no readable header. */
  static keyIdOf(value: Uint8Array): string | null {
    try {
      return readFieldHeader(value).keyId;
    } catch {
      return null;
    }
  }

  private failed(row: Pick<StoredSourceIdentity, 'id' | 'key_id'>, error: unknown): null {
    if (!(error instanceof FieldCipherError)) throw error;
    logger.error(
      `Source ${row.id}: its identity cannot be decrypted (key '${row.key_id}', ${error.reason})`,
    );
    return null;
  }
}
