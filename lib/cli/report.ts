import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderReportHtml } from "../report/html";
import { colorsFor, EXIT_OK, EXIT_USAGE, guarded, validateFileOrReport, type CliIo } from "./io";
import { summaryLine } from "./render";

export interface ReportArgs {
  readonly file: string;
  /** The HTML file to write. */
  readonly out: string;
}

/**
 * `pulumi-configmgr report <file> --out report.html`: one self-contained HTML page. 0 when
 * written, even when rules fail (the page shows them; the summary line says so); 2 for a usage
 * error, a file that cannot be read or parsed, or an output that cannot be written.
 */
export function runReport(args: ReportArgs, io: CliIo): number {
  return guarded(io, () => {
    if (!args.out) {
      io.stderr.write("pulumi-configmgr report: give the HTML file to write with --out <file>\n");
      return EXIT_USAGE;
    }
    if (resolve(args.out) === resolve(args.file)) {
      io.stderr.write(`pulumi-configmgr report: --out ${args.out} is the topology file itself; choose another file\n`);
      return EXIT_USAGE;
    }
    const validation = validateFileOrReport(args.file, io);
    if (!validation) return EXIT_USAGE;
    const html = renderReportHtml({ file: args.file, model: validation.model, diagnostics: validation.diagnostics, summary: validation.summary });
    try {
      writeFileSync(args.out, html);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      io.stderr.write(`pulumi-configmgr report: cannot write ${args.out}: ${e.code ?? e.message}\n`);
      return EXIT_USAGE;
    }
    const shape = validation.model ? "" : " (no diagram: the document does not have the topology format's shape)";
    io.stdout.write(`${summaryLine(validation.summary, colorsFor(io))}; report written to ${args.out}${shape}\n`);
    return EXIT_OK;
  });
}
