import { summarize, validateDocument } from "../rules/engine";
import type { Diagnostic, Summary } from "../rules/types";
import { renderCompact } from "./compact";
import { renderGithub } from "./github";
import { colorsFor, displayName, EXIT_INVALID, EXIT_OK, EXIT_USAGE, guarded, readDocument, VALIDATE_FORMATS, writeOutput, type CliIo, type ValidateFormat } from "./io";
import { diagnosticJson, renderText, summaryLine, type FileResult } from "./render";
import { sarifLog } from "./sarif";
import { TOOL_VERSION } from "./version";

export interface ValidateArgs {
  readonly files: readonly string[];
  readonly format?: ValidateFormat;
  /** `-o/--output`: a file instead of stdout (`-` is stdout). */
  readonly output?: string;
  /** `--quiet`: report unwaived errors only (the exit code still counts everything). */
  readonly quiet?: boolean;
  /** `--max-warnings N`: exit 1 when more than N warnings. */
  readonly maxWarnings?: number;
}

/** Reads and validates each file (`-` is stdin); the load error (if any) goes to stderr as file:line:column: message. */
export function validateFiles(files: readonly string[], io: CliIo): FileResult[] {
  return files.map((file) => {
    const loaded = readDocument(file, io);
    if (loaded.error) io.stderr.write(`${loaded.error.message}\n`);
    const validation = validateDocument(loaded, undefined, { consume: true });
    return { file: displayName(file), diagnostics: validation.diagnostics, unreadable: validation.unreadable };
  });
}

export function exitCodeFor(results: readonly FileResult[]): number {
  if (results.some((r) => r.unreadable)) return EXIT_USAGE;
  return results.some((r) => r.diagnostics.some((d) => d.severity === "error" && !d.waived)) ? EXIT_INVALID : EXIT_OK;
}

/** Output to a file (not stdout): never coloured unless forced. */
export const toFile = (output: string | undefined): boolean => output !== undefined && output !== "-";

/** `--quiet`: what is left to show. */
export const errorsOnly = (d: Diagnostic): boolean => d.severity === "error" && !d.waived;

/** Exit code after --max-warnings: 1 when the warnings exceed it (and nothing worse happened). */
export function withMaxWarnings(code: number, summary: Summary, maxWarnings: number | undefined, command: string, io: CliIo): number {
  if (code !== EXIT_OK || maxWarnings === undefined || summary.warnings <= maxWarnings) return code;
  io.stderr.write(`pulumi-configmgr ${command}: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return EXIT_INVALID;
}

export function parseMaxWarnings(value: string | number | undefined): number | undefined | "invalid" {
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : "invalid";
}

/** The whole output of validate in one format. */
export function formatValidation(results: readonly FileResult[], all: readonly Diagnostic[], summary: Summary, format: ValidateFormat, io: CliIo, quiet = false): string {
  const shown = quiet ? all.filter(errorsOnly) : all;
  switch (format) {
    case "json":
      return `${JSON.stringify({ diagnostics: shown.map((d) => diagnosticJson(d)), summary }, null, 2)}\n`;
    case "sarif":
      return `${JSON.stringify(sarifLog(shown, { toolVersion: TOOL_VERSION }), null, 2)}\n`;
    case "github":
      return [...renderGithub(shown), summaryLine(summary)].join("\n") + "\n";
    case "compact":
      return renderCompact(shown).map((l) => `${l}\n`).join("");
    default: {
      const c = colorsFor(io);
      const visible = quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter(errorsOnly) })) : results;
      return [...renderText(visible, c), summaryLine(summary, c)].join("\n") + "\n";
    }
  }
}

/**
 * `pulumi-configmgr validate <file…> [--format text|json|sarif|github|compact] [-o file]`:
 * 0 clean, 1 unwaived error (or more warnings than --max-warnings), 2 usage/load error.
 */
export function runValidate(args: ValidateArgs, io: CliIo): number {
  return guarded(io, () => {
    const format = args.format ?? "text";
    if (!VALIDATE_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr validate: unknown format "${format}" (use ${VALIDATE_FORMATS.join(", ")})\n`);
      return EXIT_USAGE;
    }
    if (args.files.length === 0) {
      io.stderr.write("pulumi-configmgr validate: give at least one topology file (YAML or JSON), or - for standard input\n");
      return EXIT_USAGE;
    }
    if (args.files.filter((f) => f === "-").length > 1) {
      io.stderr.write("pulumi-configmgr validate: standard input (-) can be read only once\n");
      return EXIT_USAGE;
    }
    const results = validateFiles(args.files, io);
    const all: Diagnostic[] = results.flatMap((r) => r.diagnostics.map((d) => (d.file === undefined ? { ...d, file: r.file } : d)));
    const summary = summarize(all);
    const target = toFile(args.output) ? { ...io, isTTY: false } : io;
    if (!writeOutput(io, "validate", args.output, formatValidation(results, all, summary, format, target, args.quiet))) return EXIT_USAGE;
    return withMaxWarnings(exitCodeFor(results), summary, args.maxWarnings, "validate", io);
  });
}
