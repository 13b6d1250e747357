import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Hit, LeakLedger, ProbeName } from './canaries.js';
import { mailTexts } from './mail.js';
import type { ReceivedMail } from '../support/smtp.js';

/**
 * A log file, line by line: no canary, password or token at all, whoever would read it. A JSON
 * line is reported with the path of the field that holds the canary.
 */
export async function scanLog(
  ledger: LeakLedger,
  file: string,
): Promise<{ lines: number; bytes: number }> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line) return;
    const found = ledger.canaries.findInText(line, true);
    const hits: Hit[] = [];
    if (found.length) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      const paths = parsed === undefined ? [] : ledger.canaries.findInJson(parsed, '$');
      for (const f of found) {
        const path =
          paths.find((p) => p.canary === f.canary)?.at ?? secretPath(parsed, f.canary.key);
        hits.push({
          canary: f.canary,
          at: `line ${i + 1}${path ? ` ${path}` : ` offset ${f.offset}`}`,
        });
      }
    }
    ledger.record(
      { channel: 'logs', probe: 'log reader', where: basename(file), afterCut: true },
      hits,
    );
  });
  return { lines: lines.length, bytes: Buffer.byteLength(text) };
}

/** Where a secret (found by substring) sits in a JSON line. */
function secretPath(value: unknown, secret: string, path = '$'): string | null {
  if (typeof value === 'string') return value.includes(secret) ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = secretPath(v, secret, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/** Every message the SMTP server received, scanned per recipient. */
export function scanMail(
  ledger: LeakLedger,
  messages: ReceivedMail[],
  probeOfAddress: (address: string) => ProbeName | null,
  /** probe → index of the first message received after its cut (the worker mails every minute). */
  cuts: Map<ProbeName, number>,
): number {
  let scanned = 0;
  for (const [index, message] of messages.entries()) {
    const texts = mailTexts(message.raw);
    for (const address of message.to) {
      const probe = probeOfAddress(address) ?? `unknown <${address}>`;
      const hits: Hit[] = [];
      for (const { label, text } of texts) {
        for (const f of ledger.canaries.findInText(text))
          hits.push({ canary: f.canary, at: `${label} offset ${f.offset}` });
      }
      ledger.record(
        {
          channel: 'email',
          probe,
          where: `mail "${message.subject}"`,
          afterCut: index >= (cuts.get(probe) ?? Infinity),
        },
        hits,
      );
      scanned += 1;
    }
  }
  return scanned;
}
