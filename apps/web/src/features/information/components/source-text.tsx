import { SOURCE_KIND_LABELS } from '@vigil/domain';
import type { ItemSource } from '../api/information-api';

/**
 * Who an item came from; "Protected source" when the user may not know; the server's "Unreadable
 * source" text when its stored identity cannot be decrypted.
 */
export function SourceText({ source }: { source: ItemSource }) {
  if (source.unreadable) {
    return (
      <span className="source" title="An administrator can look into it by the source's id">
        {source.name}
      </span>
    );
  }
  if (source.protected) {
    return (
      <span className="source source--protected" title="Only those who need to know see who it is">
        Protected source
      </span>
    );
  }
  return (
    <span className="source">
      {source.name}
      {source.kind ? <span className="muted"> ({SOURCE_KIND_LABELS[source.kind]})</span> : null}
    </span>
  );
}
