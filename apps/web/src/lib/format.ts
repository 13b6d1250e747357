/** Formatting helpers (local time zone). */

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` in 24-hour local time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `YYYY-MM-DD HH:MM:SS` in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Converts an `<input type="date">` value to an ISO instant at the start or end of that local day. */
export function dateInputToIso(value: string, edge: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const time = edge === 'start' ? 'T00:00:00.000' : 'T23:59:59.999';
  const d = new Date(`${value}${time}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "1 user" / "3 users". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
