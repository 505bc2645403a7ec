/**
 * Bytes of a topology file → text, or a refusal that names the encoding. Decodes only what can
 * be decoded without guessing: UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM
 * (what Windows PowerShell 5.1's `>` and `Out-File` write). Anything else — Latin-1 or
 * Windows-1252 bytes, UTF-16 without a BOM, UTF-32, CR-only line endings — is refused: a guessed
 * code page would put different letters into the scripts than the author wrote.
 */

/**
 * The largest topology accepted, in bytes. The largest legal hierarchy (125,000 DPs) is about
 * 90 MB as YAML and 134 MB as JSON indented by two spaces; beyond this the file is refused
 * before it is read, so memory stays bounded.
 */
export const MAX_TOPOLOGY_BYTES = 200 * 1024 * 1024;

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const MB = 1024 * 1024;

export function tooLargeReason(bytes: number): string {
  return `the file is ${(bytes / MB).toFixed(1)} MB; the largest topology accepted is ${MAX_TOPOLOGY_BYTES / MB} MB (split the estate into several documents)`;
}

export function decodeTopologyBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_TOPOLOGY_BYTES) return { ok: false, reason: tooLargeReason(bytes.length) };
  const b = bytes;
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) {
    return refuse("is encoded as UTF-32");
  }
  let text: string;
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const label = b[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(b);
    } catch {
      return refuse(`starts with a UTF-16 byte-order mark but is not valid ${label.toUpperCase()}`);
    }
  } else {
    const nul = b.indexOf(0);
    if (nul !== -1) {
      const utf16 = b.length >= 2 && (b[0] === 0 || b[1] === 0);
      return refuse(utf16 ? "looks like UTF-16 without a byte-order mark" : `contains a NUL byte at offset ${nul} (not a text file)`);
    }
    // Buffer's decoder is several times faster than TextDecoder; it replaces invalid bytes by
    // U+FFFD, so only a text that holds one is decoded again strictly (it may be written as such).
    text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8");
    if (text.includes("\ufffd")) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(b);
      } catch {
        return { ok: false, reason: `the file ${invalidUtf8(b)}` };
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  return checkLineEndings(text);
}

/**
 * Text that Node decoded from a file's bytes as UTF-8 (readFileSync(file, "utf8"), which reads
 * and decodes at once): decoded here when those bytes were plainly UTF-8 — no NUL, no invalid
 * sequence (Node puts U+FFFD there), no byte-order mark — for then decodeTopologyBytes has
 * nothing to refuse or strip and would give the same text. Undefined otherwise: only the bytes
 * tell what the file is (UTF-16 and UTF-32 decode to NULs and U+FFFDs), so the caller reads them.
 */
export function decodePlainUtf8(text: string): Decoded | undefined {
  if (text.length > MAX_TOPOLOGY_BYTES || text.charCodeAt(0) === 0xfeff || text.includes("\ufffd") || text.includes("\u0000")) return undefined;
  return checkLineEndings(text);
}

/** For text that did not come from bytes (a string given by a program): BOM and line endings only. */
export function checkText(text: string): Decoded {
  if (text.length > MAX_TOPOLOGY_BYTES) return { ok: false, reason: tooLargeReason(text.length) };
  return checkLineEndings(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function checkLineEndings(text: string): Decoded {
  // A CR not followed by LF: classic Mac line endings, which the YAML parser would read as one long line.
  const cr = text.includes("\r") ? /\r(?!\n)/.exec(text) : null;
  if (cr) {
    const line = countLines(text, cr.index);
    return { ok: false, reason: `the file has a carriage return without a line feed on line ${line} (CR-only line endings, as classic Mac OS wrote them); save it with LF or CRLF line endings` };
  }
  return { ok: true, text };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Names where the first byte that is not UTF-8 sits and what the file probably is. */
function invalidUtf8(b: Uint8Array): string {
  let line = 1;
  let column = 1;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok && n === 3) ok = !(c === 0xe0 && b[i + 1] < 0xa0) && !(c === 0xed && b[i + 1] >= 0xa0);
    if (ok && n === 4) ok = !(c === 0xf0 && b[i + 1] < 0x90) && !(c === 0xf4 && b[i + 1] >= 0x90);
    if (!ok) {
      const hex = c.toString(16).toUpperCase().padStart(2, "0");
      return `is not UTF-8: byte 0x${hex} at line ${line}, column ${column} (the file looks like Latin-1 or Windows-1252); save it as UTF-8`;
    }
    if (c === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += n;
  }
  return "is not valid UTF-8; save it as UTF-8";
}

function refuse(what: string): Decoded {
  return { ok: false, reason: `the file ${what}; topology documents are read as UTF-8 (or UTF-16 with a byte-order mark)` };
}
