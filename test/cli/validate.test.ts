import { describe, expect, it } from "vitest";
import { runValidate } from "../../lib/cli/validate";
import { labDoc } from "../fixtures/lab";
import { ANSI, brokenLabYaml, captureIo, hwWaiver, labYaml, tempDir, writeDoc } from "./helpers";

const json = (text: string) => JSON.parse(text) as { diagnostics: Record<string, unknown>[]; summary: Record<string, number> };

describe("validate", () => {
  it("passes the seed lab: exit 0, a clean summary, no colour when stdout is not a terminal", () => {
    const file = writeDoc("lab.yaml", labYaml());
    const io = captureIo();
    expect(runValidate({ files: [file] }, io)).toBe(0);
    expect(io.out()).toContain(`${file}: no problems found`);
    expect(io.out().trimEnd().split("\n").pop()).toBe("0 errors, 0 warnings, 0 waived");
    expect(io.out()).not.toMatch(ANSI);
    expect(io.err()).toBe("");
  });

  it("exits 1 on an error and prints exactly the documented JSON shape", () => {
    const file = writeDoc("broken.yaml", brokenLabYaml());
    const io = captureIo();
    expect(runValidate({ files: [file], format: "json" }, io)).toBe(1);
    const out = json(io.out());
    expect(Object.keys(out)).toEqual(["diagnostics", "summary"]);
    expect(out.summary).toEqual({ errors: 2, warnings: 0, waived: 0 });
    const hw = out.diagnostics.find((d) => d.rule === "DP-HW-MIN")!;
    expect(hw).toEqual({
      rule: "DP-HW-MIN",
      severity: "error",
      object: "dp:win701.lab.local",
      path: "distributionPoints[0].hardware.memoryGB",
      message: expect.stringContaining("8 GB"),
      limit: 8,
      actual: 4,
      source: expect.stringMatching(/^https:\/\/learn\.microsoft\.com\//),
      fix: expect.any(String),
      waived: false,
      file,
      line: 19,
      column: 37,
    });
    const content = out.diagnostics.find((d) => d.rule === "DP-CONTENT-MAX")!;
    expect(content).toMatchObject({ limit: 10_000, actual: 10_500, line: 21, waived: false });
  });

  it("counts a waived error as waived, exits 0 and shows the reason", () => {
    const file = writeDoc("waived.yaml", brokenLabYaml(hwWaiver).replace("packages: 9000", "packages: 90"));
    const io = captureIo();
    expect(runValidate({ files: [file] }, io)).toBe(0);
    expect(io.out()).toMatch(/waived\s+\[DP-HW-MIN\] has 4 GB of memory/);
    expect(io.out()).toContain("waived: lab VM with 4 GB, accepted for the pilot");
    expect(io.out().trimEnd().split("\n").pop()).toBe("0 errors, 0 warnings, 1 waived");

    const jsonIo = captureIo();
    expect(runValidate({ files: [file], format: "json" }, jsonIo)).toBe(0);
    const out = json(jsonIo.out());
    expect(out.summary).toEqual({ errors: 0, warnings: 0, waived: 1 });
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ rule: "DP-HW-MIN", waived: true, waiverReason: "lab VM with 4 GB, accepted for the pilot" }),
    ]);
  });

  it("groups text output by object, with severity, rule, limit/found, location, fix and source", () => {
    const doc = labDoc();
    doc.distributionPoints[0].hardware = { cores: 1, memoryGB: 8 };
    doc.distributionPoints.push({ ...doc.distributionPoints[0], server: "win702.lab.local", hardware: { cores: 2, memoryGB: 2 } });
    doc.boundaryGroups![0].clients = 18;
    const file = writeDoc("two.yaml", doc);
    const io = captureIo();
    expect(runValidate({ files: [file] }, io)).toBe(1);
    const lines = io.out().split("\n");
    const header701 = lines.indexOf("  dp:win701.lab.local");
    const header702 = lines.indexOf("  dp:win702.lab.local");
    expect(header701).toBeGreaterThan(0);
    expect(header702).toBeGreaterThan(header701);
    const block701 = lines.slice(header701, header702).join("\n");
    const block702 = lines.slice(header702).join("\n");
    expect(block701).toMatch(/error\s+\[DP-HW-MIN\] has 1 core; .* \(limit 2, found 1\)/);
    expect(block701).not.toContain("win702");
    expect(block702).toMatch(/error\s+\[DP-HW-MIN\] has 2 GB of memory; .* \(limit 8, found 2\)/);
    expect(block702).toMatch(new RegExp(`at ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+  distributionPoints\\[1\\]\\.hardware\\.memoryGB`));
    expect(block702).toContain("fix: Give the DP host at least 8 GB");
    expect(block702).toContain("source: https://learn.microsoft.com/intune/configmgr/core/plan-design/configs/recommended-hardware");
    expect(lines.filter((l) => l.trim() !== "").pop()).toBe("2 errors, 0 warnings, 0 waived");
  });

  it("colours only on a terminal with NO_COLOR unset", () => {
    const file = writeDoc("broken-colour.yaml", brokenLabYaml());
    const tty = captureIo({ isTTY: true, env: {} });
    runValidate({ files: [file] }, tty);
    expect(tty.out()).toMatch(ANSI);
    const noColor = captureIo({ isTTY: true, env: { NO_COLOR: "1" } });
    runValidate({ files: [file] }, noColor);
    expect(noColor.out()).not.toMatch(ANSI);
    expect(noColor.out()).toBe(captureAndRun(file));
  });

  it("exits 2 for a file that does not exist or is a directory", () => {
    const missing = captureIo();
    expect(runValidate({ files: [`${tempDir()}/nope.yaml`] }, missing)).toBe(2);
    expect(missing.err()).toBe(`${tempDir()}/nope.yaml: file not found\n`);
    const directory = captureIo();
    expect(runValidate({ files: [tempDir()] }, directory)).toBe(2);
    expect(directory.err()).toContain("is a directory");
  });

  it("exits 2 for a YAML syntax error, printed as file:line:column: message", () => {
    const file = writeDoc("syntax.yaml", 'configMgrVersion: "2012 SP1"\ndomain: LAB\nprimarySites: [ { siteCode: P01\n');
    const io = captureIo();
    expect(runValidate({ files: [file] }, io)).toBe(2);
    expect(io.err()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: \\S`));
    expect(io.err().split("\n").filter(Boolean)).toHaveLength(1);
    expect(io.out()).toContain("not checked");
  });

  it("exits 2 for invalid JSON too, and still prints parseable JSON for the others", () => {
    const bad = writeDoc("bad.json", '{ "configMgrVersion": "2012 SP1",, "domain": "LAB" }');
    const good = writeDoc("good.json", JSON.stringify(labDoc()));
    const io = captureIo();
    expect(runValidate({ files: [good, bad], format: "json" }, io)).toBe(2);
    expect(io.err()).toMatch(/bad\.json:1:\d+: /);
    const out = json(io.out());
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ rule: "SCHEMA", file: bad });
  });

  it("reports schema errors (unknown field, keys written twice) as SCHEMA errors with exit 1", () => {
    const file = writeDoc("typo.yaml", labYaml().replace("domain: LAB", "domain: LAB\ndomian: LAB"));
    const io = captureIo();
    expect(runValidate({ files: [file], format: "json" }, io)).toBe(1);
    expect(json(io.out()).diagnostics).toEqual([expect.objectContaining({ rule: "SCHEMA", path: "domian", message: expect.stringContaining("unknown field"), line: 3 })]);

    const dup = writeDoc("dup.yaml", labYaml().replace("domain: LAB", "domain: LAB\ndomain: LAB2"));
    expect(runValidate({ files: [dup] }, captureIo())).toBe(1);
  });

  it("combines several files into one JSON object whose diagnostics carry their file", () => {
    const clean = writeDoc("multi-clean.yaml", labYaml());
    const broken = writeDoc("multi-broken.yaml", brokenLabYaml());
    const io = captureIo();
    expect(runValidate({ files: [clean, broken], format: "json" }, io)).toBe(1);
    const out = json(io.out());
    expect(out.summary.errors).toBe(2);
    expect(new Set(out.diagnostics.map((d) => d.file))).toEqual(new Set([broken]));
  });

  it("exits 2 with a one-line message when no file is given or the format is unknown", () => {
    const none = captureIo();
    expect(runValidate({ files: [] }, none)).toBe(2);
    expect(none.err()).toMatch(/at least one topology file/);
    const xml = captureIo();
    expect(runValidate({ files: ["x.yaml"], format: "xml" as "json" }, xml)).toBe(2);
  });

  it("turns an unexpected exception into one line on stderr and exit 2, never a stack trace", () => {
    const file = writeDoc("boom.yaml", labYaml());
    let err = "";
    const io = {
      stdout: {
        write: () => {
          throw new Error("disk full\n    at Object.<anonymous> (x.js:1:1)");
        },
      },
      stderr: { write: (s: string) => (err += s) },
      isTTY: false,
    };
    expect(runValidate({ files: [file] }, io)).toBe(2);
    expect(err).toBe("pulumi-configmgr: unexpected error: disk full\n");
  });
});

function captureAndRun(file: string): string {
  const io = captureIo();
  runValidate({ files: [file] }, io);
  return io.out();
}
