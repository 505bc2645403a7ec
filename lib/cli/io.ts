import { readFileSync, writeFileSync } from "node:fs";
import { validateDocument, type Validation } from "../rules/engine";
import { readTopologyFile, readTopologyText, TopologyLoadError, type LoadedDocument } from "../topology/load";
import pc from "picocolors";

/** Where a command writes, so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Whether stdout is a terminal (colours only then). */
  readonly isTTY: boolean;
  /** Environment for NO_COLOR and FORCE_COLOR; process.env when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The whole of standard input, for the file name `-`; fd 0 when absent. */
  readonly readStdin?: () => string;
  /** `--color` (true) or `--no-color` (false); absent: decided by the terminal and the environment. */
  readonly color?: boolean;
}

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Whether to colour, as other CLIs decide it: `--color`/`--no-color` first, then FORCE_COLOR
 * (any value but "0" or "false" forces colour; chalk's and Node's convention), then NO_COLOR
 * (set and non-empty: never colour, no-color.org), then whether stdout is a terminal.
 */
export function useColor(io: CliIo): boolean {
  if (io.color !== undefined) return io.color;
  const env = io.env ?? process.env;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return io.isTTY;
}

export function colorsFor(io: CliIo): Colors {
  return pc.createColors(useColor(io));
}

/** The name a document read from standard input is reported under. */
export const STDIN_NAME = "<stdin>";

/** Reads one topology document: a file, or standard input for `-`. */
export function readDocument(file: string, io: CliIo): LoadedDocument {
  if (file !== "-") return readTopologyFile(file);
  let text: string;
  try {
    text = io.readStdin ? io.readStdin() : readFileSync(0, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return { data: undefined, file: STDIN_NAME, positionOf: () => undefined, error: new TopologyLoadError(`cannot read standard input (${code})`, STDIN_NAME) };
  }
  return readTopologyText(text, STDIN_NAME);
}

/** The file name as diagnostics show it (`-` is standard input). */
export const displayName = (file: string): string => (file === "-" ? STDIN_NAME : file);

/**
 * Writes a command's output: to stdout without `-o`/`--output` or with `-o -`, else to the
 * file. False (after one line on stderr) when the file cannot be written.
 */
export function writeOutput(io: CliIo, command: string, output: string | undefined, text: string): boolean {
  if (output === undefined || output === "-") {
    io.stdout.write(text);
    return true;
  }
  try {
    writeFileSync(output, text);
    return true;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.stderr.write(`pulumi-configmgr ${command}: cannot write ${output}: ${e.code ?? e.message}\n`);
    return false;
  }
}

export const EXIT_OK = 0;
/** Validation found an unwaived error (or, for plan, the document has no usable shape). */
export const EXIT_INVALID = 1;
/** Usage error, unreadable file, YAML/JSON syntax error, or an unexpected failure. */
export const EXIT_USAGE = 2;

export type OutputFormat = "text" | "json";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json"];

/** validate's formats: text and json, plus what CI systems and editors read. */
export type ValidateFormat = OutputFormat | "sarif" | "github" | "compact";
export const VALIDATE_FORMATS: readonly ValidateFormat[] = ["text", "json", "sarif", "github", "compact"];

/** diff's formats: markdown is for a pull-request comment. */
export type DiffFormat = "text" | "markdown" | "json";
export const DIFF_FORMATS: readonly DiffFormat[] = ["text", "markdown", "json"];

/**
 * Runs a command body; any exception becomes one line on stderr and exit 2, never a stack
 * trace (the CLI is run in CI logs and by people who only want the verdict).
 */
export function guarded<T = number>(io: CliIo, body: () => T): T | number {
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
  const loaded = readDocument(file, io);
  if (loaded.error) {
    io.stderr.write(`${loaded.error.message}\n`);
    return undefined;
  }
  return validateDocument(loaded, undefined, { consume: true });
}
