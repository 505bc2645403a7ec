/**
 * `s.toLowerCase()`, without the copy V8 makes when nothing changes: its toLowerCase returns a
 * new string even for text that is lower case already (toUpperCase does not). On 125,000 DPs
 * normalisation lowered about 20 MB of already-lower FQDNs and schedule words this way, copies
 * the collector then had to move.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return s.toLowerCase();
  }
  return s;
}
