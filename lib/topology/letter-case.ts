/**
 * `s.toLowerCase()` and `s.toUpperCase()`, without the copy V8 makes when nothing changes: both
 * return a new string even for text already in that case. Normalisation of 125,000 DPs made about
 * 30 MB of such copies (FQDNs, site codes, drive letters, schedule words) that the collector then
 * had to move. Only ASCII is judged here; any other character takes the built-in way.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return s.toLowerCase();
  }
  return s;
}

export function upperCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c > 0x7f) return s.toUpperCase();
  }
  return s;
}
