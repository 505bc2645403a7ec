/** "Did you mean": the closest known spelling of a field name or an enum value. */

/** Levenshtein distance, with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** `Windows Server 2022`, `windows_server_2022`, `WindowsServer2022` → comparable forms. */
const loose = (s: string) => s.toLowerCase().replace(/[\s_.-]+/g, "");

/**
 * The one candidate the user most likely meant: equal but for case, spaces, `_` or `-`; else
 * the nearest by edit distance within a third of the length (at least 1, at most 3).
 */
export function didYouMean(found: string, candidates: readonly string[]): string | undefined {
  if (found === "") return undefined;
  const same = candidates.find((c) => loose(c) === loose(found));
  if (same !== undefined) return same;
  const max = Math.min(3, Math.max(1, Math.floor(found.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = editDistance(found.toLowerCase(), c.toLowerCase(), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
