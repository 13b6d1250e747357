import { errorMessage } from '../../../lib/api-client';
import { plural } from '../../../lib/format';
import type { ItemFilters } from '../api/information-api';
import { useExportCsv } from '../hooks/use-information-actions';

interface ExportCsvButtonProps {
  filters: ItemFilters;
  /** Announces the outcome in the page's status region. */
  onDone: (message: string) => void;
}

/** Downloads the filtered items as CSV; disabled and marked busy while the file comes. */
export function ExportCsvButton({ filters, onDone }: ExportCsvButtonProps) {
  const exporting = useExportCsv();
  const run = async () => {
    if (exporting.isPending) return;
    try {
      const result = await exporting.mutateAsync(filters);
      onDone(
        `Exported ${plural(result.rows, 'item')} to CSV.` +
          (result.truncated
            ? ' The export stopped at its limit: narrow the filters for the rest.'
            : ''),
      );
    } catch (error) {
      onDone(`Export failed: ${errorMessage(error)}`);
    }
  };
  return (
    <button
      type="button"
      className="button"
      onClick={() => void run()}
      disabled={exporting.isPending}
      aria-busy={exporting.isPending}
    >
      {exporting.isPending ? 'Exporting…' : 'Export CSV'}
    </button>
  );
}
