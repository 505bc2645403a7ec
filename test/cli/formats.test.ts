import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, githubAnnotation } from "../../lib/cli/github";
import { runValidate } from "../../lib/cli/validate";
import { CATALOG } from "../../lib/rules/catalog";
import type { Diagnostic } from "../../lib/rules/types";
import { brokenLabYaml, captureIo, hwWaiver, labYaml, tempDir, writeDoc } from "./helpers";

/** The official schema (OASIS sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json; see test/fixtures/sarif/README.md). */
const sarifSchema = JSON.parse(readFileSync(join(__dirname, "../fixtures/sarif/sarif-schema-2.1.0.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validSarif = ajv.compile(sarifSchema);

/** WIN701 breaks DP-HW-MIN (waived) and DP-CONTENT-MAX; a waiver of DP-DISK-SPACE matches nothing (WAIVER-UNUSED, a warning). */
const mixed = () =>
  brokenLabYaml(`${hwWaiver}  - rule: DP-DISK-SPACE
    object: dp:win701.lab.local
    reason: "50%, see: ticket 7, 8"
`);

type Sarif = {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn: number } } }[];
      suppressions?: { kind: string; justification: string }[];
      properties: { fix: string };
    }[];
  }[];
};

describe("validate --format sarif", () => {
  it("is valid SARIF 2.1.0 against the official schema: one run, the catalog, a result per diagnostic on its line", () => {
    const file = writeDoc("sarif.yaml", mixed());
    const io = captureIo();
    expect(runValidate({ files: [file], format: "sarif" }, io)).toBe(1);
    const log = JSON.parse(io.out()) as Sarif;
    const valid = validSarif(log);
    expect(validSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe("pulumi-configmgr");
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...CATALOG.keys()]);
    const hwRule = run.tool.driver.rules.find((r) => r.id === "DP-HW-MIN")!;
    expect(hwRule.helpUri).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(run.tool.driver.rules.find((r) => r.id === "WAIVER-UNUSED")!.defaultConfiguration.level).toBe("warning");

    const content = run.results.find((r) => r.ruleId === "DP-CONTENT-MAX")!;
    expect(run.tool.driver.rules[content.ruleIndex].id).toBe("DP-CONTENT-MAX");
    expect(content.level).toBe("error");
    expect(content.message.text).toMatch(/^dp:win701\.lab\.local .*10,000.*Fix: /);
    expect(content.properties.fix).toBe(CATALOG.get("DP-CONTENT-MAX")!.fix);
    expect(content.locations[0].physicalLocation!.region).toEqual({ startLine: 21, startColumn: expect.any(Number) });
    // Relative to the working directory (the repository root in CI), or absolute as a file: URI outside it.
    const uri = content.locations[0].physicalLocation!.artifactLocation.uri;
    expect(uri.startsWith("file:///") || !uri.startsWith("/")).toBe(true);
    expect(uri).toMatch(/sarif\.yaml$/);

    const waived = run.results.find((r) => r.ruleId === "DP-HW-MIN")!;
    expect(waived.suppressions).toEqual([expect.objectContaining({ kind: "inSource", justification: "lab VM with 4 GB, accepted for the pilot" })]);
    expect(run.results.find((r) => r.ruleId === "WAIVER-UNUSED")!.level).toBe("warning");
  });

  it("a file in the working directory gets a path relative to it; a file that cannot be read still gives a valid log", () => {
    const io = captureIo();
    expect(runValidate({ files: ["examples/lab/topology.yaml", join(tempDir(), "missing.yaml")], format: "sarif" }, io)).toBe(2);
    const log = JSON.parse(io.out()) as Sarif;
    expect(validSarif(log)).toBe(true);
    expect(log.runs[0].results.map((r) => r.locations[0].physicalLocation?.artifactLocation.uri)).toEqual([expect.stringMatching(/^file:\/\/\/.*missing\.yaml$/)]);
    expect(log.runs[0].results[0].locations[0].physicalLocation!.region).toBeUndefined();

    const clean = captureIo();
    expect(runValidate({ files: ["examples/lab/topology.yaml"], format: "sarif" }, clean)).toBe(0);
    expect(validSarif(JSON.parse(clean.out()))).toBe(true);
    expect((JSON.parse(clean.out()) as Sarif).runs[0].results).toEqual([]);
  });
});

describe("validate --format github", () => {
  it("prints one workflow command per diagnostic: ::error/::warning/::notice with file, line, col and the rule as title", () => {
    const file = writeDoc("github.yaml", mixed());
    const io = captureIo();
    expect(runValidate({ files: [file], format: "github" }, io)).toBe(1);
    const lines = io.out().trimEnd().split("\n");
    const content = lines.find((l) => l.includes("title=DP-CONTENT-MAX"))!;
    expect(content).toMatch(/^::error file=[^,]*github\.yaml,line=21,col=\d+,title=DP-CONTENT-MAX::dp:win701\.lab\.local .* Fix: /);
    expect(lines.find((l) => l.includes("title=DP-HW-MIN"))).toMatch(/^::notice .*title=DP-HW-MIN \(waived\)::.*Waived: lab VM with 4 GB/);
    expect(lines.find((l) => l.includes("WAIVER-UNUSED"))).toMatch(/^::warning /);
    expect(lines.at(-1)).toBe("1 error, 1 warning, 1 waived");
  });

  it("escapes as the runner unescapes: %25 %0D %0A in the message, also %3A %2C in properties", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("C:\\a,b%")).toBe("C%3A\\a%2Cb%25");
    const d: Diagnostic = {
      rule: "DP-HW-MIN",
      severity: "error",
      object: "dp:a.b",
      path: "distributionPoints[0]",
      message: "has 50%\nof it",
      source: "https://x",
      fix: "Fix, then: go",
      waived: false,
      file: "dir,1/a:b.yaml",
      line: 3,
      column: 4,
    };
    const line = githubAnnotation(d, "/nowhere");
    expect(line).toBe("::error file=dir%2C1/a%3Ab.yaml,line=3,col=4,title=DP-HW-MIN::dp:a.b has 50%25%0Aof it. Fix: Fix, then: go (https://x)");
    // What the runner does: split properties at "," and ":", then unescape; the values come back whole.
    const [, props, message] = /^::error ([^:]*)::(.*)$/.exec(line)!;
    const unescape = (s: string) => s.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
    expect(Object.fromEntries(props.split(",").map((p) => p.split("=")).map(([k, v]) => [k, unescape(v)]))).toEqual({ file: "dir,1/a:b.yaml", line: "3", col: "4", title: "DP-HW-MIN" });
    expect(unescape(message)).toBe("dp:a.b has 50%\nof it. Fix: Fix, then: go (https://x)");
  });
});

describe("validate --format compact", () => {
  it("prints file:line:col: severity RULE object message, one line per problem", () => {
    const file = writeDoc("compact.yaml", mixed());
    const io = captureIo();
    expect(runValidate({ files: [file], format: "compact" }, io)).toBe(1);
    const lines = io.out().trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:21:\\d+: error DP-CONTENT-MAX dp:win701\\.lab\\.local \\S`)));
    expect(lines).toContainEqual(expect.stringMatching(/:19:\d+: info DP-HW-MIN dp:win701\.lab\.local .*\(waived: lab VM/));
    expect(lines).toContainEqual(expect.stringMatching(/: warning WAIVER-UNUSED /));
  });

  it("gives no line and column for a file that cannot be read", () => {
    const missing = join(tempDir(), "nothing-here.yaml");
    const io = captureIo();
    expect(runValidate({ files: [missing], format: "compact" }, io)).toBe(2);
    expect(io.out()).toBe(`${missing}: error SCHEMA hierarchy cannot be read: file not found\n`);
  });

  it("prints nothing for a clean file", () => {
    const io = captureIo();
    expect(runValidate({ files: [writeDoc("compact-lab.yaml", labYaml())], format: "compact" }, io)).toBe(0);
    expect(io.out()).toBe("");
  });
});
