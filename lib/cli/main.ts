#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { EXIT_OK, EXIT_USAGE, guarded, OUTPUT_FORMATS, type CliIo, type OutputFormat } from "./io";
import { runSchema } from "./json-schema";
import { runPlan } from "./plan";
import { runReport } from "./report";
import { runValidate } from "./validate";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require("../../package.json") as { version: string };

const formatOption = () =>
  new Option("--format <format>", "output format").choices(OUTPUT_FORMATS as string[]).default("text");

/** Parses argv (without node and the script) and runs one command; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  return guarded(io, () => {
    let code = EXIT_OK;
    const program = new Command()
      .name("pulumi-configmgr")
      .description("Check a Configuration Manager topology document against every documented limit, offline.")
      .version(version)
      .exitOverride()
      .showSuggestionAfterError()
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: (s, write) => write(s.startsWith("error:") ? `pulumi-configmgr: ${s}` : s),
      });
    program
      .command("validate")
      .description("validate topology documents (YAML or JSON); exit 0 clean, 1 on an unwaived error, 2 on a usage or load error")
      .argument("<file...>", "topology files")
      .addOption(formatOption())
      .action((files: string[], opts: { format: OutputFormat }) => {
        code = runValidate({ files, format: opts.format }, io);
      });
    program
      .command("plan")
      .description("print how much of each limit the hierarchy uses, per site and per distribution point")
      .argument("<file>", "topology file")
      .addOption(formatOption())
      .action((file: string, opts: { format: OutputFormat }) => {
        code = runPlan({ file, format: opts.format }, io);
      });
    program
      .command("report")
      .description("write a self-contained HTML capacity report: the hierarchy coloured by headroom, a bar per limit, the diagnostics")
      .argument("<file>", "topology file")
      .requiredOption("-o, --out <file>", "HTML file to write")
      .action((file: string, opts: { out: string }) => {
        code = runReport({ file, out: opts.out }, io);
      });
    program
      .command("schema")
      .description("print the JSON Schema of the topology document (for editor completion)")
      .action(() => {
        code = runSchema({}, io);
      });
    try {
      program.parse([...argv], { from: "user" });
    } catch (err) {
      if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      throw err;
    }
    return code;
  });
}

if (require.main === module) {
  // A closed pipe (`… | head`) is not an error worth a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdout.isTTY === true,
  });
}
