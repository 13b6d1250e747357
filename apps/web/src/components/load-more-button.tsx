interface LoadMoreButtonProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Load more" for keyset-paginated lists. Hidden when there is nothing more to load. */
export function LoadMoreButton({ hasMore, loading, onLoadMore }: LoadMoreButtonProps) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button
        type="button"
        className="button"
        onClick={onLoadMore}
        disabled={loading}
        aria-busy={loading}
      >
        Load more
      </button>
      {loading ? <span className="muted">Loading…</span> : null}
    </div>
  );
}
