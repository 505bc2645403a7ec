import { validateDocument } from "../rules/engine";
import { readGitDocument } from "../diff/source";
import { diffMarkdown, diffText } from "../diff/render";
import { topologyDiff, type DiffSide } from "../diff/topology-diff";
import { displayName, DIFF_FORMATS, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readDocument, writeOutput, type CliIo, type DiffFormat } from "./io";

export interface DiffArgs {
  readonly base: string;
  readonly head: string;
  readonly format?: DiffFormat;
  readonly output?: string;
  /** Where `git:` sources are read (the working directory by default). */
  readonly cwd?: string;
}

function side(spec: string, io: CliIo, cwd?: string): DiffSide | undefined {
  const loaded = spec.startsWith("git:") ? readGitDocument(spec, cwd) : readDocument(spec, io);
  if (loaded.error) {
    io.stderr.write(`${loaded.error.message}\n`);
    return undefined;
  }
  const v = validateDocument(loaded);
  return { name: displayName(spec), model: v.model, diagnostics: v.diagnostics, summary: v.summary };
}

/**
 * `pulumi-configmgr diff <base> <head>`: what the change does to the hierarchy. Exit codes as
 * validate, for the head document: 0 no unwaived error after the change, 1 at least one, 2 a
 * usage error or a side that cannot be read.
 */
export async function runDiff(args: DiffArgs, io: CliIo): Promise<number> {
  try {
    const format = args.format ?? "text";
    if (!DIFF_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr diff: unknown format "${format}" (use ${DIFF_FORMATS.join(", ")})\n`);
      return EXIT_USAGE;
    }
    if (args.base === "-" && args.head === "-") {
      io.stderr.write("pulumi-configmgr diff: standard input (-) can be only one of the two documents\n");
      return EXIT_USAGE;
    }
    const base = side(args.base, io, args.cwd);
    const head = side(args.head, io, args.cwd);
    if (!base || !head) return EXIT_USAGE;
    const diff = await topologyDiff(base, head);
    const text =
      format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : `${(format === "markdown" ? diffMarkdown(diff) : diffText(diff)).join("\n").trimEnd()}\n`;
    if (!writeOutput(io, "diff", args.output, text)) return EXIT_USAGE;
    return head.summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`pulumi-configmgr: unexpected error: ${message.split("\n")[0]}\n`);
    return EXIT_USAGE;
  }
}
