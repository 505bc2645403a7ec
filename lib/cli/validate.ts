import { summarize, validateDocument } from "../rules/engine";
import type { Diagnostic } from "../rules/types";
import { readTopologyFile } from "../topology/load";
import { colorsFor, EXIT_INVALID, EXIT_OK, EXIT_USAGE, guarded, OUTPUT_FORMATS, type CliIo, type OutputFormat } from "./io";
import { diagnosticJson, renderText, summaryLine, type FileResult } from "./render";

export interface ValidateArgs {
  readonly files: readonly string[];
  readonly format?: OutputFormat;
}

/** Reads and validates each file; the load error (if any) goes to stderr as file:line:column: message. */
export function validateFiles(files: readonly string[], io: CliIo): FileResult[] {
  return files.map((file) => {
    const loaded = readTopologyFile(file);
    if (loaded.error) io.stderr.write(`${loaded.error.message}\n`);
    const validation = validateDocument(loaded);
    return { file, diagnostics: validation.diagnostics, unreadable: validation.unreadable };
  });
}

export function exitCodeFor(results: readonly FileResult[]): number {
  if (results.some((r) => r.unreadable)) return EXIT_USAGE;
  return results.some((r) => r.diagnostics.some((d) => d.severity === "error" && !d.waived)) ? EXIT_INVALID : EXIT_OK;
}

/** `pulumi-configmgr validate <file…> [--format text|json]`: 0 clean, 1 unwaived error, 2 usage/load error. */
export function runValidate(args: ValidateArgs, io: CliIo): number {
  return guarded(io, () => {
    const format = args.format ?? "text";
    if (!OUTPUT_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr validate: unknown format "${format}" (use text or json)\n`);
      return EXIT_USAGE;
    }
    if (args.files.length === 0) {
      io.stderr.write("pulumi-configmgr validate: give at least one topology file (YAML or JSON)\n");
      return EXIT_USAGE;
    }
    const results = validateFiles(args.files, io);
    const all: Diagnostic[] = results.flatMap((r) => r.diagnostics.map((d) => (d.file === undefined ? { ...d, file: r.file } : d)));
    const summary = summarize(all);
    if (format === "json") {
      io.stdout.write(`${JSON.stringify({ diagnostics: all.map((d) => diagnosticJson(d)), summary }, null, 2)}\n`);
    } else {
      const c = colorsFor(io);
      io.stdout.write([...renderText(results, c), summaryLine(summary, c)].join("\n") + "\n");
    }
    return exitCodeFor(results);
  });
}
