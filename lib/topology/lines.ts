import type { SourcePosition } from "./load";

/** Offset → 1-based line and column (in UTF-16 code units, as the YAML parser counts), built on first use. */
export function lineIndex(text: string): { position(offset: number): SourcePosition } {
  let starts: number[] | undefined;
  return {
    position(offset) {
      if (!starts) {
        starts = [0];
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      }
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo] + 1 };
    },
  };
}
