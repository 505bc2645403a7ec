import { validateDocument, type Validation } from "../rules/engine";
import { readTopologyFile } from "../topology/load";
import pc from "picocolors";

/** Where a command writes, so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Whether stdout is a terminal (colours only then). */
  readonly isTTY: boolean;
  /** Environment for NO_COLOR; process.env when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org). */
export function colorsFor(io: CliIo): Colors {
  const noColor = (io.env ?? process.env).NO_COLOR;
  return pc.createColors(io.isTTY && (noColor === undefined || noColor === ""));
}

export const EXIT_OK = 0;
/** Validation found an unwaived error (or, for plan, the document has no usable shape). */
export const EXIT_INVALID = 1;
/** Usage error, unreadable file, YAML/JSON syntax error, or an unexpected failure. */
export const EXIT_USAGE = 2;

export type OutputFormat = "text" | "json";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json"];

/**
 * Runs a command body; any exception becomes one line on stderr and exit 2, never a stack
 * trace (the CLI is run in CI logs and by people who only want the verdict).
 */
export function guarded(io: CliIo, body: () => number): number {
  try {
    return body();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`pulumi-configmgr: unexpected error: ${message.split("\n")[0]}\n`);
    return EXIT_USAGE;
  }
}

/** Left- or right-aligned columns separated by two spaces; trailing blanks trimmed. */
export function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat(widths[i] - [...cell].length);
        return rightAligned.has(i) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

/**
 * Reads and validates one topology file for plan and report: undefined (after printing
 * `file:line:column: message` on stderr) when it cannot be read at all.
 */
export function validateFileOrReport(file: string, io: CliIo): Validation | undefined {
  const loaded = readTopologyFile(file);
  if (loaded.error) {
    io.stderr.write(`${loaded.error.message}\n`);
    return undefined;
  }
  return validateDocument(loaded);
}
