import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runValidate } from "../../lib/cli/validate";
import { didYouMean, editDistance } from "../../lib/topology/suggest";
import { captureIo, tempDir, writeDoc } from "./helpers";

/** validate's diagnostics for a document, as JSON. */
function diagnosticsOf(text: string, name = "messages.yaml") {
  const io = captureIo();
  const code = runValidate({ files: [writeDoc(name, text)], format: "json" }, io);
  return { code, diagnostics: JSON.parse(io.out()).diagnostics as Record<string, unknown>[] };
}

const dpYaml = (dpLines: string, tail = "") => `configMgrVersion: "2403"
domain: CONTOSO
primarySites:
  - siteCode: P01
    server: cm01.contoso.com
distributionPoints:
  - server: dp01.contoso.com
    site: P01
${dpLines}${tail}`;

const okDp = `    os: windows-server-2022
    edition: standard
    architecture: x64
    hardware: { cores: 4, memoryGB: 16 }
`;

describe("SCHEMA messages in the words of the format", () => {
  it("a misspelt field: did you mean, the rename as the fix, and the position of the key itself", () => {
    const { code, diagnostics } = diagnosticsOf(dpYaml(okDp.replace("hardware: {", "hardwre: {") + "    boundryGroups: [HQ]\n"));
    expect(code).toBe(1);
    const hw = diagnostics.find((d) => String(d.message).includes('"hardwre"'))!;
    expect(hw).toMatchObject({
      rule: "SCHEMA",
      object: "dp:dp01.contoso.com",
      path: "distributionPoints[0].hardwre",
      message: 'has an unknown field "hardwre"; did you mean "hardware"?',
      fix: 'Rename "hardwre" to "hardware" (field names are camel case).',
      line: 12,
      column: 5, // the key, not its value at column 14
    });
    expect(diagnostics.find((d) => String(d.message).includes('"boundryGroups"'))).toMatchObject({
      message: 'has an unknown field "boundryGroups"; did you mean "boundaryGroups"?',
      line: 13,
      column: 5,
    });
  });

  it("an unknown field with no close name lists the fields that are allowed there", () => {
    const { diagnostics } = diagnosticsOf(dpYaml(okDp + "    colour: blue\n"));
    expect(diagnostics[0]).toMatchObject({ message: 'has an unknown field "colour"', line: 13, column: 5 });
    expect(String(diagnostics[0].fix)).toMatch(/^Remove "colour"; the fields here are: server, site, os, edition, architecture, /);
  });

  it("an enum value: the value found and did you mean (Windows Server 2022 → windows-server-2022)", () => {
    const { diagnostics } = diagnosticsOf(dpYaml(okDp.replace("os: windows-server-2022", "os: Windows Server 2022")));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      rule: "SCHEMA",
      path: "distributionPoints[0].os",
      message: 'os is "Windows Server 2022", which is not an accepted value; did you mean "windows-server-2022"?',
      fix: "Write os: windows-server-2022.",
      line: 9,
      column: 9,
    });
    const edition = diagnosticsOf(dpYaml(okDp.replace("edition: standard", "edition: Datacentre"))).diagnostics[0];
    expect(edition.message).toMatch(/did you mean "datacenter"\?$/);
    // Nothing close: the accepted values, all of them.
    const arch = diagnosticsOf(dpYaml(okDp.replace("architecture: x64", "architecture: sparc"))).diagnostics[0];
    expect(arch).toMatchObject({ message: 'architecture is "sparc", which is not one of x86, x64, arm64', fix: "Write one of: x86, x64, arm64." });
  });

  it("a wrong type says what was expected and what was found", () => {
    const { diagnostics } = diagnosticsOf(dpYaml(okDp.replace("cores: 4", "cores: four")));
    expect(diagnostics[0]).toMatchObject({ path: "distributionPoints[0].hardware.cores", message: 'cores must be a number, found "four"' });
    const list = diagnosticsOf(dpYaml(okDp + "    boundaryGroups: HQ\n")).diagnostics[0];
    expect(list.message).toBe('boundaryGroups must be a list, found "HQ"');
  });

  it("a bound says the bound and the value found; a missing field says which", () => {
    const negative = diagnosticsOf(dpYaml(okDp).replace("server: cm01.contoso.com", "server: cm01.contoso.com\n    clients: -5")).diagnostics[0];
    expect(negative).toMatchObject({ path: "primarySites[0].clients", message: "clients must be at least 0, found -5" });
    const missing = diagnosticsOf(dpYaml(okDp.replace("    architecture: x64\n", ""))).diagnostics[0];
    expect(missing).toMatchObject({ object: "dp:dp01.contoso.com", path: "distributionPoints[0].architecture", message: 'lacks the required field "architecture"' });
    expect(String(missing.fix)).toContain("Add architecture");
    // zod's own words never reach the user
    for (const d of [negative, missing]) expect(String(d.message)).not.toMatch(/Invalid input|Too small|expected number to be/);
  });

  it("the schema's own sentences read after the field", () => {
    const { diagnostics } = diagnosticsOf(`configMgrVersion: "2403"
domain: CONTOSO
primarySites: []
boundaryGroups:
  - name: A
    boundaries: [ { ipSubnet: 10.0.0.0/8, adSite: X } ]
  - name: ""
`);
    expect(diagnostics.map((d) => `${d.object} ${d.message}`)).toEqual([
      "hierarchy primarySites: at least one primary site is required, found a list of 0",
      "bg:A boundaries[0]: a boundary has exactly one key: ipSubnet, ipRange, adSite, ipv6Prefix or vpn, found a mapping",
      'bg:boundaryGroups[1] name must not be empty, found ""',
    ]);
  });

  it("a waiver without a reason is WAIVER-INVALID, naming the waiver", () => {
    const { code, diagnostics } = diagnosticsOf(
      dpYaml(okDp, `waivers:
  - rule: DP-HW-MIN
    object: dp:dp01.contoso.com
`),
    );
    expect(code).toBe(1);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({ rule: "WAIVER-INVALID", path: "waivers[0]", message: "waiver 1 (DP-HW-MIN on dp:dp01.contoso.com) has no reason", line: 14 }),
    ]);
    expect(diagnostics.some((d) => d.rule === "SCHEMA")).toBe(false);
  });
});

describe("advice that fits", () => {
  it("a missing file gets no line/column advice; a syntax error does", () => {
    const io = captureIo();
    runValidate({ files: [join(tempDir(), "absent.yaml")], format: "json" }, io);
    const [missing] = JSON.parse(io.out()).diagnostics;
    expect(missing.fix).not.toMatch(/line|column/);
    expect(missing).not.toHaveProperty("line");
    const syntax = diagnosticsOf("primarySites: [\n", "syntax.yaml").diagnostics[0];
    expect(syntax.fix).toMatch(/line and column/);
    expect(syntax).toHaveProperty("line");
  });

  it("sources of format rules name a README section that exists", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const { SOURCES } = await import("../../lib/rules/sources");
    for (const source of Object.values(SOURCES)) {
      const m = /README, section "([^"]+)"/.exec(source.url);
      if (m) expect(readme, source.url).toMatch(new RegExp(`^#+ ${m[1]}$`, "m"));
    }
  });
});

describe("did you mean", () => {
  it("matches case, spaces and dashes first, then the nearest within a third of the length", () => {
    expect(didYouMean("Windows Server 2022", ["windows-server-2019", "windows-server-2022"])).toBe("windows-server-2022");
    expect(didYouMean("hardwre", ["hardware", "disks"])).toBe("hardware");
    expect(didYouMean("xyz", ["hardware", "disks"])).toBeUndefined();
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("a YAML syntax error in the text output", () => {
  it("is named at YAML's own line and column on stdout too, not only on stderr", () => {
    const file = writeDoc("syntax.yaml", "configMgrVersion: '2403'\ndomain: [LAB,\n  primarySites: }\n");
    const io = captureIo();
    expect(runValidate({ files: [file] }, io)).toBe(2);
    expect(io.err()).toMatch(/syntax\.yaml:\d+:\d+: /);
    const [line] = io.out().split("\n");
    expect(line).toMatch(/syntax\.yaml:\d+:\d+: not checked: cannot be read: /);
    expect(line.match(/:(\d+):(\d+):/)!.slice(1)).toEqual(io.err().match(/:(\d+):(\d+):/)!.slice(1));
  });
});
