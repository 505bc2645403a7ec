#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { runDiff } from "./diff";
import { runDrift } from "./drift";
import { runExport } from "./export";
import { sshTransport } from "./ssh-transport";
import { DIFF_FORMATS, EXIT_OK, EXIT_USAGE, guarded, OUTPUT_FORMATS, VALIDATE_FORMATS, type CliIo, type DiffFormat, type OutputFormat, type ValidateFormat } from "./io";
import { runSchema } from "./json-schema";
import { runPlan } from "./plan";
import { runReport } from "./report";
import { runExplain, runRules } from "./rules";
import { parseMaxWarnings, runValidate } from "./validate";
import { TOOL_VERSION } from "./version";

const formatOption = (formats: readonly string[] = OUTPUT_FORMATS) =>
  new Option("--format <format>", "output format").choices(formats as string[]).default("text");
const outputOption = () => new Option("-o, --output <file>", "write to this file instead of standard output (- is standard output)");
const maxWarningsOption = () => new Option("--max-warnings <n>", "exit 1 when there are more than n warnings");

/** The examples under `--help`: the commands a reader copies first. */
export const HELP_EXAMPLES = `
Examples:
  $ pulumi-configmgr validate topology.yaml
  $ pulumi-configmgr validate topology.yaml --format sarif -o configmgr.sarif
  $ pulumi-configmgr validate topology.yaml --format github --max-warnings 0
  $ cat topology.yaml | pulumi-configmgr validate -
  $ pulumi-configmgr plan topology.yaml
  $ pulumi-configmgr report topology.yaml -o report.html
  $ pulumi-configmgr diff git:origin/main:topology.yaml topology.yaml --format markdown
  $ pulumi-configmgr explain DP-CLIENTS-MAX
  $ pulumi-configmgr export --ssh cm01.contoso.com --user 'CONTOSO\admin' -o topology.yaml
  $ pulumi-configmgr drift topology.yaml --from export.txt

Exit codes: 0 no unwaived error, 1 at least one (or more warnings than --max-warnings),
2 a usage error, an unreadable file or a YAML/JSON syntax error.
Colour: on a terminal; --color / --no-color, FORCE_COLOR and NO_COLOR decide otherwise.
`;

/** Parses argv (without node and the script) and runs one command; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  return guarded<number | Promise<number>>(io, () => {
    let code: number | Promise<number> = EXIT_OK;
    const program = new Command()
      .name("pulumi-configmgr")
      .description("Check a Configuration Manager topology document against every documented limit, offline.")
      .version(TOOL_VERSION)
      .option("--color", "colour the output even when it is not a terminal")
      .option("--no-color", "never colour the output")
      .exitOverride()
      .showSuggestionAfterError()
      .addHelpText("after", HELP_EXAMPLES)
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: (s, write) => write(s.startsWith("error:") ? `pulumi-configmgr: ${s}` : s),
      });
    const withGlobals = (cmd: Command): CliIo => {
      const { color } = cmd.optsWithGlobals() as { color?: boolean };
      return color === undefined ? io : { ...io, color };
    };
    const maxWarnings = (value: string | undefined): number | undefined => {
      const parsed = parseMaxWarnings(value);
      if (parsed === "invalid") throw new CommanderError(EXIT_USAGE, "maxWarnings", `error: --max-warnings needs a whole number ≥ 0, not "${value}"`);
      return parsed;
    };
    program
      .command("validate")
      .description("validate topology documents (YAML or JSON; - is standard input); exit 0 clean, 1 on an unwaived error, 2 on a usage or load error")
      .argument("<file...>", "topology files")
      .addOption(formatOption(VALIDATE_FORMATS))
      .addOption(outputOption())
      .option("--quiet", "report errors only (warnings and waived errors still count for the summary)")
      .addOption(maxWarningsOption())
      .addHelpText(
        "after",
        `
Formats: text (for people), json, sarif (SARIF 2.1.0 for code scanning), github (GitHub Actions
annotations), compact (file:line:col: severity RULE object message, for editors' problem matchers).`,
      )
      .action((files: string[], opts: { format: ValidateFormat; output?: string; quiet?: boolean; maxWarnings?: string }, cmd: Command) => {
        code = runValidate({ files, format: opts.format, output: opts.output, quiet: opts.quiet, maxWarnings: maxWarnings(opts.maxWarnings) }, withGlobals(cmd));
      });
    program
      .command("plan")
      .description("print how much of each limit the hierarchy uses, per site and per distribution point; exit codes as validate")
      .argument("<file>", "topology file (- is standard input)")
      .addOption(formatOption())
      .addOption(outputOption())
      .addOption(maxWarningsOption())
      .action((file: string, opts: { format: OutputFormat; output?: string; maxWarnings?: string }, cmd: Command) => {
        code = runPlan({ file, format: opts.format, output: opts.output, maxWarnings: maxWarnings(opts.maxWarnings) }, withGlobals(cmd));
      });
    program
      .command("report")
      .description("write a self-contained HTML capacity report: the hierarchy coloured by headroom, a bar per limit, the diagnostics; exit codes as validate")
      .argument("<file>", "topology file (- is standard input)")
      .addOption(new Option("-o, --output <file>", "HTML file to write (- is standard output)"))
      .addOption(new Option("--out <file>", "the same as --output").hideHelp())
      .addOption(maxWarningsOption())
      .action((file: string, opts: { output?: string; out?: string; maxWarnings?: string }, cmd: Command) => {
        code = runReport({ file, out: opts.output ?? opts.out ?? "", maxWarnings: maxWarnings(opts.maxWarnings) }, withGlobals(cmd));
      });
    program
      .command("diff")
      .description("what a change of the topology does: objects added, removed, changed, replaced; remote steps; capacity; diagnostics")
      .argument("<base>", "the document before: a file, - (standard input) or git:<rev>:<path>")
      .argument("<head>", "the document after: a file, - or git:<rev>:<path>")
      .addOption(formatOption(DIFF_FORMATS))
      .addOption(outputOption())
      .action((base: string, head: string, opts: { format: DiffFormat; output?: string }, cmd: Command) => {
        code = runDiff({ base, head, format: opts.format, output: opts.output }, withGlobals(cmd));
      });
    const exportSource = (cmd: Command) =>
      cmd
        .option("--ssh <site server>", "run the export over SSH on this site server (the ssh client; key or agent logon)")
        .option("--from <file>", "read the output of the export script an administrator ran (- is standard input)")
        .option("--site <code>", "site code of the SMS Provider (default: the site server's own)")
        .option("--user <user>", "SSH user, e.g. CONTOSO\\admin")
        .option("--port <port>", "SSH port")
        .option("-i, --identity <file>", "SSH private key file")
        .option("--known-hosts <file>", "known_hosts file holding the site server's host key (checked strictly)")
        .option("--address <host>", "connect to this address instead of the site server's name");
    exportSource(
      program
        .command("export")
        .description("read a running hierarchy into a topology document: prints the PowerShell to run on the site server, or with --ssh / --from writes the document")
        .option("--server <fqdn>", "the site server the printed script reads (without --ssh or --from)"),
    )
      .option("--domain <name>", "NetBIOS name of the site servers' domain (when WMI cannot tell)")
      .addOption(outputOption())
      .action((opts: Record<string, string | undefined>) => {
        code = runExport({ ...opts, transport: sshTransport() }, io);
      });
    exportSource(
      program
        .command("drift")
        .description("what differs between a topology document and the running hierarchy, and which way pulumi up would move it")
        .argument("<topology>", "the reviewed topology document"),
    )
      .addOption(formatOption(DIFF_FORMATS))
      .addOption(outputOption())
      .action((topology: string, opts: Record<string, string | undefined>, cmd: Command) => {
        code = runDrift({ ...opts, topology, format: opts.format as DiffFormat, transport: sshTransport() }, withGlobals(cmd));
      });
    program
      .command("rules")
      .description("list the rule catalog: id, severity, whether it can be waived, what it requires")
      .addOption(formatOption())
      .addOption(outputOption())
      .action((opts: { format: OutputFormat; output?: string }, cmd: Command) => {
        code = runRules(opts, withGlobals(cmd));
      });
    program
      .command("explain")
      .description("print one rule in full: requirement, value, severity, versions, source and fix")
      .argument("<rule>", "rule id, e.g. DP-CLIENTS-MAX (any case)")
      .addOption(formatOption())
      .addOption(outputOption())
      .action((rule: string, opts: { format: OutputFormat; output?: string }, cmd: Command) => {
        code = runExplain({ rule, ...opts }, withGlobals(cmd));
      });
    program
      .command("schema")
      .description("print the JSON Schema of the topology document (for editor completion)")
      .addOption(outputOption())
      .action((opts: { output?: string }) => {
        code = runSchema(opts, io);
      });
    try {
      program.parse([...argv], { from: "user" });
    } catch (err) {
      if (err instanceof CommanderError) {
        if (err.code === "maxWarnings") io.stderr.write(`pulumi-configmgr: ${err.message}\n`);
        return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      }
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
  void Promise.resolve(
    runCli(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      isTTY: process.stdout.isTTY === true,
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
