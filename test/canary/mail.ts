/**
 * Every readable text of a raw e-mail: the raw message, its quoted-printable parts undone, its
 * base64 parts decoded, and RFC 2047 encoded words (=?UTF-8?B?…?=) in its headers decoded, so a
 * canary is found whichever transfer encoding the mailer chose.
 */
export function mailTexts(raw: string): { label: string; text: string }[] {
  const texts = [{ label: 'raw', text: raw }];
  texts.push({ label: 'quoted-printable', text: undoQuotedPrintable(raw) });
  texts.push({
    label: 'encoded words',
    text: decodeEncodedWords(raw.replace(/\r?\n[ \t]+/g, ' ')),
  });
  // Base64 bodies: runs of lines made only of base64 characters.
  const lines = raw.split(/\r?\n/);
  let run: string[] = [];
  const flush = () => {
    const joined = run.join('');
    if (joined.length >= 8) {
      texts.push({ label: 'base64 part', text: Buffer.from(joined, 'base64').toString('utf8') });
    }
    run = [];
  };
  for (const line of lines) {
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(line.trim()) && line.trim().length >= 4)
      run.push(line.trim());
    else flush();
  }
  flush();
  return texts;
}

function undoQuotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeEncodedWords(text: string): string {
  return text.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
    (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : undoQuotedPrintable(data.replace(/_/g, ' ')),
  );
}
