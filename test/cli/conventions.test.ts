import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";
import { CATALOG } from "../../lib/rules/catalog";
import { ANSI, brokenLabYaml, captureIo, hwWaiver, labYaml, tempDir, writeDoc } from "./helpers";

const withStdin = (text: string, options: Parameters<typeof captureIo>[0] = {}) => ({ ...captureIo(options), readStdin: () => text });
const sync = (code: number | Promise<number>): number => {
  if (typeof code !== "number") throw new Error("expected a synchronous command");
  return code;
};

/** The lab with an unused waiver: one warning (WAIVER-UNUSED), no error. */
const oneWarning = () =>
  `${labYaml()}waivers:
  - rule: DP-HW-MIN
    object: dp:win701.lab.local
    reason: was a 4 GB VM
`;

describe("- reads standard input", () => {
  it("validate - reads the document from stdin and names it <stdin>", () => {
    const io = withStdin(brokenLabYaml());
    expect(sync(runCli(["validate", "-", "--format", "compact"], io))).toBe(1);
    expect(io.out()).toMatch(/^<stdin>:19:\d+: error DP-HW-MIN /m);
  });

  it("plan - and report - read stdin too; stdin cannot be read twice", () => {
    const plan = withStdin(labYaml());
    expect(sync(runCli(["plan", "-"], plan))).toBe(0);
    expect(plan.out()).toContain("win701.lab.local");
    const report = withStdin(labYaml());
    expect(sync(runCli(["report", "-", "-o", "-"], report))).toBe(0);
    expect(report.out()).toMatch(/^<!DOCTYPE html>/);
    const twice = withStdin(labYaml());
    expect(sync(runCli(["validate", "-", "-"], twice))).toBe(2);
    expect(twice.err()).toMatch(/standard input \(-\) can be read only once/);
  });
});

describe("--max-warnings and --quiet", () => {
  it("--max-warnings N exits 1 when there are more than N warnings, and says so", () => {
    const file = writeDoc("max-warnings.yaml", oneWarning());
    expect(sync(runCli(["validate", file], captureIo()))).toBe(0);
    expect(sync(runCli(["validate", file, "--max-warnings", "1"], captureIo()))).toBe(0);
    const io = captureIo();
    expect(sync(runCli(["validate", file, "--max-warnings", "0"], io))).toBe(1);
    expect(io.err()).toBe("pulumi-configmgr validate: 1 warnings, more than --max-warnings 0\n");
    expect(sync(runCli(["plan", file, "--max-warnings", "0"], captureIo()))).toBe(1);
    const bad = captureIo();
    expect(sync(runCli(["validate", file, "--max-warnings", "lots"], bad))).toBe(2);
    expect(bad.err()).toMatch(/--max-warnings needs a whole number/);
  });

  it("--quiet shows errors only; the summary still counts everything", () => {
    const file = writeDoc("quiet.yaml", brokenLabYaml(hwWaiver));
    const io = captureIo();
    expect(sync(runCli(["validate", file, "--quiet"], io))).toBe(1);
    expect(io.out()).toContain("[DP-CONTENT-MAX]");
    expect(io.out()).not.toContain("[DP-HW-MIN]"); // waived
    expect(io.out().trimEnd().split("\n").pop()).toBe("1 error, 0 warnings, 1 waived");
    const json = captureIo();
    runCli(["validate", file, "--quiet", "--format", "json"], json);
    expect(JSON.parse(json.out()).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(["DP-CONTENT-MAX"]);
    const warningOnly = captureIo();
    expect(sync(runCli(["validate", writeDoc("quiet-warning.yaml", oneWarning()), "--quiet", "--format", "compact"], warningOnly))).toBe(0);
    expect(warningOnly.out()).toBe("");
  });
});

describe("colour", () => {
  const file = () => writeDoc("color.yaml", brokenLabYaml());
  it.each([
    ["a terminal", [], { isTTY: true, env: {} }, true],
    ["a pipe", [], { isTTY: false, env: {} }, false],
    ["--color on a pipe", ["--color"], { isTTY: false, env: {} }, true],
    ["--no-color on a terminal", ["--no-color"], { isTTY: true, env: {} }, false],
    ["FORCE_COLOR=1 on a pipe", [], { isTTY: false, env: { FORCE_COLOR: "1" } }, true],
    ["FORCE_COLOR=0 on a terminal", [], { isTTY: true, env: { FORCE_COLOR: "0" } }, false],
    ["NO_COLOR on a terminal", [], { isTTY: true, env: { NO_COLOR: "1" } }, false],
    ["--color over NO_COLOR", ["--color"], { isTTY: true, env: { NO_COLOR: "1" } }, true],
    ["--no-color over FORCE_COLOR", ["--no-color"], { isTTY: true, env: { FORCE_COLOR: "1" } }, false],
  ] as const)("%s", (_name, flags, options, coloured) => {
    const io = captureIo(options as Parameters<typeof captureIo>[0]);
    runCli(["validate", file(), ...flags], io);
    expect(ANSI.test(io.out())).toBe(coloured);
  });

  it("--color works before the command too", () => {
    const io = captureIo();
    runCli(["--color", "validate", file()], io);
    expect(io.out()).toMatch(ANSI);
  });
});

describe("-o/--output for every format", () => {
  it.each([
    ["validate text", (f: string, o: string) => ["validate", f, "-o", o], /2 errors, 0 warnings, 0 waived\n$/],
    ["validate json", (f: string, o: string) => ["validate", f, "--format", "json", "--output", o], /"summary"/],
    ["validate sarif", (f: string, o: string) => ["validate", f, "--format", "sarif", "-o", o], /"version": "2\.1\.0"/],
    ["validate github", (f: string, o: string) => ["validate", f, "--format", "github", "-o", o], /^::error /],
    ["validate compact", (f: string, o: string) => ["validate", f, "--format", "compact", "-o", o], /: error DP-HW-MIN /],
    ["plan text", (f: string, o: string) => ["plan", f, "-o", o], /Distribution points/],
    ["plan json", (f: string, o: string) => ["plan", f, "--format", "json", "-o", o], /"distributionPoints"/],
    ["report", (f: string, o: string) => ["report", f, "-o", o], /^<!DOCTYPE html>/],
    ["rules", (_f: string, o: string) => ["rules", "-o", o], /DP-CLIENTS-MAX/],
    ["explain", (_f: string, o: string) => ["explain", "dp-hw-min", "-o", o], /^DP-HW-MIN/],
    ["schema", (_f: string, o: string) => ["schema", "-o", o], /"\$schema"/],
  ])("%s writes the file, uncoloured, and nothing of it to stdout", (name, argv, content) => {
    const file = writeDoc("output.yaml", brokenLabYaml());
    const target = join(tempDir(), `${name.replace(/ /g, "-")}.out`);
    const io = captureIo({ isTTY: true, env: {} });
    runCli(argv(file, target), io);
    expect(existsSync(target)).toBe(true);
    const written = readFileSync(target, "utf8");
    expect(written).toMatch(content);
    expect(written).not.toMatch(ANSI);
    expect(io.out()).not.toContain(written.slice(0, 40));
  });

  it("-o - writes stdout; an output that cannot be written exits 2", () => {
    const file = writeDoc("output-dash.yaml", labYaml());
    const io = captureIo();
    expect(sync(runCli(["validate", file, "-o", "-", "--format", "json"], io))).toBe(0);
    expect(JSON.parse(io.out()).summary.errors).toBe(0);
    const report = captureIo();
    expect(sync(runCli(["report", file, "-o", "-"], report))).toBe(0);
    expect(report.out()).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n?$/);
    expect(report.err()).toBe("0 errors, 0 warnings, 0 waived; report written to standard output\n");
    const bad = captureIo();
    expect(sync(runCli(["validate", file, "-o", join(tempDir(), "no-such-dir", "x.txt")], bad))).toBe(2);
    expect(bad.err()).toMatch(/^pulumi-configmgr validate: cannot write .*no-such-dir.*ENOENT\n$/);
  });
});

describe("plan and report follow validate's exit codes", () => {
  it.each([
    ["clean", () => labYaml(), 0],
    ["an unwaived error", () => brokenLabYaml(), 1],
    ["waived errors only", () => brokenLabYaml(hwWaiver).replace("packages: 9000", "packages: 90"), 0],
  ] as const)("%s: validate, plan and report agree", (_name, doc, code) => {
    const file = writeDoc("exit-codes.yaml", doc());
    expect(sync(runCli(["validate", file], captureIo()))).toBe(code);
    expect(sync(runCli(["plan", file], captureIo()))).toBe(code);
    expect(sync(runCli(["report", file, "-o", join(tempDir(), "exit.html")], captureIo()))).toBe(code);
  });

  it("a YAML syntax error or a missing file is 2 for all three", () => {
    const syntax = writeDoc("exit-syntax.yaml", "primarySites: [\n");
    const missing = join(tempDir(), "exit-missing.yaml");
    for (const file of [syntax, missing]) {
      expect(sync(runCli(["validate", file], captureIo()))).toBe(2);
      expect(sync(runCli(["plan", file], captureIo()))).toBe(2);
      expect(sync(runCli(["report", file, "-o", join(tempDir(), "exit2.html")], captureIo()))).toBe(2);
    }
  });
});

describe("rules and explain", () => {
  it("rules lists every rule of the catalog with severity and whether it can be waived", () => {
    const io = captureIo();
    expect(sync(runCli(["rules"], io))).toBe(0);
    const lines = io.out().split("\n");
    for (const id of CATALOG.keys()) expect(lines.some((l) => l.startsWith(`${id} `))).toBe(true);
    expect(lines.find((l) => l.startsWith("DP-HW-MIN "))).toMatch(/^DP-HW-MIN\s+error\s+yes\s+/);
    expect(lines.find((l) => l.startsWith("SCHEMA "))).toMatch(/^SCHEMA\s+error\s+no\s+/);
    const json = captureIo();
    runCli(["rules", "--format", "json"], json);
    expect(JSON.parse(json.out()).rules).toHaveLength(CATALOG.size);
  });

  it("explain RULE prints requirement, value, versions, source and fix; any case", () => {
    const io = captureIo();
    expect(sync(runCli(["explain", "dp-clients-max"], io))).toBe(0);
    const out = io.out();
    expect(out.split("\n")[0]).toBe("DP-CLIENTS-MAX");
    expect(out).toMatch(/requirement\s+Client load of a distribution point/);
    expect(out).toMatch(/value\s+≤ 4,000/);
    expect(out).toMatch(/versions\s+all/);
    expect(out).toMatch(/source\s+size-and-scale-numbers: https:\/\/learn\.microsoft\.com\/\S+size-and-scale-numbers/);
    expect(out).toMatch(/fix\s+\S/);
  });

  it("explain of an unknown id exits 2 and suggests the close ones", () => {
    const io = captureIo();
    expect(sync(runCli(["explain", "DP-CLIENT-MAX"], io))).toBe(2);
    expect(io.err()).toBe('pulumi-configmgr explain: "DP-CLIENT-MAX" is not a rule id; did you mean DP-CLIENTS-MAX?\n');
  });
});

describe("--help", () => {
  it("shows examples of every command and the exit codes", () => {
    const io = captureIo();
    expect(sync(runCli(["--help"], io))).toBe(0);
    for (const command of ["validate", "plan", "report", "diff", "rules", "explain", "schema"]) expect(io.out()).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(io.out()).toContain("Examples:");
    expect(io.out()).toContain("$ pulumi-configmgr validate topology.yaml --format sarif -o configmgr.sarif");
    expect(io.out()).toMatch(/Exit codes: 0 no unwaived error, 1 at least one/);
    const validate = captureIo();
    expect(sync(runCli(["validate", "--help"], validate))).toBe(0);
    expect(validate.out()).toMatch(/--format <format>\s+output format \(choices: "text", "json", "sarif",\s+"github", "compact"/);
    expect(validate.out()).toMatch(/-o, --output <file>/);
  });
});
