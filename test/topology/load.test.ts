import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTopologyFile, loadTopologyText, readTopologyText, TopologyLoadError } from "../../lib/topology/load";
import { formatPath, parseTopology } from "../../lib/topology/parse";

const yamlLab = `configMgrVersion: "2012 SP1"
domain: LAB
primarySites:
  - siteCode: p01
    server: CM01.lab.local
distributionPoints:
  - server: WIN701.Lab.Local
    site: p01
    os: windows-7
    edition: enterprise
    architecture: x64
    hardware: { cores: 2, memoryGB: "8" }
    boundaryGroups: [lab hq]
    colour: blue
boundaryGroups:
  - name: Lab HQ
    clients: 18
`;

describe("loading a topology", () => {
  it("reports schema errors with the path and the YAML line and column", () => {
    const parsed = parseTopology(loadTopologyText(yamlLab, "t.yaml"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((i) => formatPath(i.unknownKey ? [...i.path, i.unknownKey] : i.path));
    expect(paths).toContain("distributionPoints[0].hardware.memoryGB");
    expect(paths).toContain("distributionPoints[0].colour");
    const loaded = loadTopologyText(yamlLab, "t.yaml");
    expect(loaded.positionOf(["distributionPoints", 0, "hardware", "memoryGB"])).toEqual({ line: 12, column: 37 });
    expect(loaded.positionOf(["distributionPoints", 0], "colour")).toEqual({ line: 14, column: 5 });
  });

  it("normalises site codes, FQDNs and applies defaults", () => {
    const fixed = yamlLab.replace('memoryGB: "8"', "memoryGB: 8").replace("    colour: blue\n", "");
    const parsed = parseTopology(loadTopologyText(fixed));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { model } = parsed;
    expect(model.primaries[0].code).toBe("P01");
    expect(model.primaries[0].server).toBe("cm01.lab.local");
    expect(model.dps[0].server).toBe("win701.lab.local");
    expect(model.dps[0].netbiosName).toBe("win701");
    expect(model.dps[0].doc.prepareHost).toBe(true);
    expect(model.dps[0].doc.installIIS).toBe(false);
    expect(model.dps[0].doc.clientConnection).toBe("http");
    // "lab hq" resolves to "Lab HQ": group names compare case-insensitively
    expect(model.dps[0].groups.map((g) => g.name)).toEqual(["Lab HQ"]);
    expect(model.dps[0].site?.code).toBe("P01");
    expect(model.version?.label).toBe("2012 SP1");
  });

  it("rejects YAML syntax errors with file, line and column, and records duplicated keys", () => {
    expect(() => loadTopologyText("a: [1, 2\n", "bad.yaml")).toThrow(TopologyLoadError);
    const bad = readTopologyText("domain: LAB\n  x: [\n", "bad.yaml");
    expect(bad.error?.message).toMatch(/^bad\.yaml:\d+:\d+: /);
    const dup = readTopologyText("domain: LAB\ndomain: OTHER\n", "dup.yaml");
    expect(dup.error).toBeUndefined();
    expect(dup.duplicateKeys).toEqual([{ message: expect.stringMatching(/unique/i), position: { line: 2, column: 1 } }]);
  });

  it("reads JSON with positions", () => {
    const json = '{\n  "configMgrVersion": "2403",\n  "domain": 5\n}\n';
    const loaded = loadTopologyText(json, "t.json");
    expect(loaded.positionOf(["domain"])).toEqual({ line: 3, column: 13 });
  });

  it("says which file cannot be read", () => {
    expect(() => loadTopologyFile("/nonexistent/topology.yaml")).toThrow(/\/nonexistent\/topology\.yaml: file not found/);
    const dir = mkdtempSync(join(tmpdir(), "cm-"));
    const file = join(dir, "t.yaml");
    writeFileSync(file, yamlLab);
    expect(loadTopologyFile(file).file).toBe(file);
  });
});

describe("large JSON documents", () => {
  it("are read with JSON.parse, with positions and duplicate keys found from the text only when asked", () => {
    const dps = Array.from({ length: 40_000 }, (_, i) => ({ server: `dp${i}.contoso.com`, padding: "x".repeat(60) }));
    const text = JSON.stringify({ configMgrVersion: "2403", distributionPoints: dps });
    expect(text.length).toBeGreaterThan(4_000_000);
    const loaded = readTopologyText(text, "big.json");
    expect(loaded.error).toBeUndefined();
    expect((loaded.data as { distributionPoints: unknown[] }).distributionPoints).toHaveLength(40_000);
    expect(loaded.positionOf(["distributionPoints", 1])).toEqual({ line: 1, column: 152 });
    expect(loaded.duplicateKeys).toBeUndefined();
    const dup = readTopologyText(text.replace('"padding"', '"server":"again","padding"'), "big.json");
    expect(dup.duplicateKeys).toEqual([{ message: "Map keys must be unique", position: { line: 1, column: 78 } }]);
    expect(readTopologyText(text.slice(0, -1), "big.json").error?.message).toMatch(/^big\.json:1:\d+: /);
  });
});

describe("JSON keys written twice", () => {
  it("tell a colon inside a string from a key's: no false duplicate, and a real one still found", () => {
    // Values that put a quote before a colon inside a string: an escaped quote, a string opening with a colon.
    const text = '{\n  "configMgrVersion": "2403",\n  "domain": "a\\": b",\n  "cas": { "name": ": x", "server" : "cas.contoso.com" }\n}';
    const clean = readTopologyText(text, "t.json");
    expect(clean.error).toBeUndefined();
    expect(clean.duplicateKeys).toBeUndefined();
    expect((clean.data as { domain: string }).domain).toBe('a": b');
    const dup = readTopologyText(text.replace('"server" :', '"name": "y", "server" :'), "t.json");
    expect(dup.duplicateKeys).toEqual([{ message: "Map keys must be unique", position: { line: 4, column: 27 } }]);
  });
});
