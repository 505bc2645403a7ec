import { resolve } from "node:path";
import { renderReportHtml } from "../report/html";
import { colorsFor, displayName, EXIT_INVALID, EXIT_OK, EXIT_USAGE, guarded, validateFileOrReport, writeOutput, type CliIo } from "./io";
import { summaryLine } from "./render";
import { withMaxWarnings } from "./validate";
import { TOOL_VERSION } from "./version";

export interface ReportArgs {
  readonly file: string;
  /** The HTML file to write; `-` writes it to stdout. */
  readonly out: string;
  readonly maxWarnings?: number;
  /** The date printed on the page (tests fix it); now by default. */
  readonly now?: Date;
}

/**
 * `pulumi-configmgr report <file> -o report.html`: one self-contained HTML page. Exit codes as
 * validate: 0 written and clean, 1 written but a rule fails unwaived (the page shows it), 2 for a
 * usage error, a file that cannot be read or parsed, or an output that cannot be written. With
 * `-o -` the page goes to stdout and the summary line to stderr.
 */
export function runReport(args: ReportArgs, io: CliIo): number {
  return guarded(io, () => {
    if (!args.out) {
      io.stderr.write("pulumi-configmgr report: give the HTML file to write with -o <file> (or -o - for standard output)\n");
      return EXIT_USAGE;
    }
    const toStdout = args.out === "-";
    if (!toStdout && args.file !== "-" && resolve(args.out) === resolve(args.file)) {
      io.stderr.write(`pulumi-configmgr report: -o ${args.out} is the topology file itself; choose another file\n`);
      return EXIT_USAGE;
    }
    const validation = validateFileOrReport(args.file, io);
    if (!validation) return EXIT_USAGE;
    const html = renderReportHtml({
      file: displayName(args.file),
      model: validation.model,
      diagnostics: validation.diagnostics,
      summary: validation.summary,
      toolVersion: TOOL_VERSION,
      generatedAt: args.now ?? new Date(),
    });
    if (!writeOutput(io, "report", args.out, html)) return EXIT_USAGE;
    const shape = validation.model ? "" : " (no diagram: the document does not have the topology format's shape)";
    const where = toStdout ? "report written to standard output" : `report written to ${args.out}`;
    const summaryIo = toStdout ? { ...io, isTTY: false } : io;
    (toStdout ? io.stderr : io.stdout).write(`${summaryLine(validation.summary, colorsFor(summaryIo))}; ${where}${shape}\n`);
    const code = validation.summary.errors > 0 || !validation.model ? EXIT_INVALID : EXIT_OK;
    return withMaxWarnings(code, validation.summary, args.maxWarnings, "report", io);
  });
}
