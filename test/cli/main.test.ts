import { describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";
import { brokenLabYaml, captureIo, labYaml, writeDoc } from "./helpers";

describe("command line (in-process)", () => {
  it("runs validate with its files and format", () => {
    const clean = writeDoc("cli-lab.yaml", labYaml());
    const broken = writeDoc("cli-broken.yaml", brokenLabYaml());
    expect(runCli(["validate", clean], captureIo())).toBe(0);
    const io = captureIo();
    expect(runCli(["validate", clean, broken, "--format", "json"], io)).toBe(1);
    expect(JSON.parse(io.out()).summary).toEqual({ errors: 2, warnings: 0, waived: 0 });
  });

  it.each([
    ["an unknown option", ["validate", "x.yaml", "--bogus"], /unknown option '--bogus'/],
    ["an unknown command", ["valdate", "x.yaml"], /unknown command 'valdate'/],
    ["validate without a file", ["validate"], /missing required argument 'file'/],
    ["plan without a file", ["plan"], /missing required argument 'file'/],
    ["an unknown format", ["validate", "x.yaml", "--format", "xml"], /Allowed choices are text, json/],
    ["no command at all", [], /Usage: pulumi-configmgr/],
  ])("exits 2 for %s, with the reason on stderr", (_name, argv, reason) => {
    const io = captureIo();
    expect(runCli(argv, io)).toBe(2);
    expect(io.err()).toMatch(reason);
    expect(io.out()).toBe("");
  });

  it("exits 0 for --help and --version, on stdout", () => {
    const help = captureIo();
    expect(runCli(["--help"], help)).toBe(0);
    expect(help.out()).toMatch(/validate \[options\] <file\.\.\.>/);
    const version = captureIo();
    expect(runCli(["--version"], version)).toBe(0);
    expect(version.out().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
