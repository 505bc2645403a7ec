import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { runValidate } from "../../lib/cli/validate";
import { validateDocument } from "../../lib/rules/engine";
import { MAX_TOPOLOGY_BYTES } from "../../lib/topology/decode";
import { readTopologyBytes, readTopologyFile, readTopologyText } from "../../lib/topology/load";
import { parseTopology } from "../../lib/topology/parse";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";

const dir = mkdtempSync(join(tmpdir(), "cm-loader-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
/** validate in-process, as a user runs it: exit code and what it wrote. */
function cli(path: string) {
  let out = "";
  let err = "";
  const code = runValidate({ files: [path] }, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, isTTY: false, env: {} });
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("mappings with many keys load in linear time (issue 14.3)", () => {
  // 40,000 keys took 45 s with the yaml package's unique-key check (quadratic), 100,000 more than
  // 60 s; the test timeout (30 s) is the guard here, the times themselves are in `npm run bench`.
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join("\n");

  it("a 40,000-key mapping with a key written twice: the duplicate is found at its line", () => {
    const text = `configMgrVersion: "2403"\ndomain: LAB\nextra:\n${keys(40_000).replace(/^/gm, "  ")}\n  k5: again\n`;
    const loaded = readTopologyText(text, "many.yaml");
    expect(loaded.error).toBeUndefined();
    expect(loaded.duplicateKeys).toEqual([{ message: "Map keys must be unique", position: { line: 40_004, column: 3 } }]);
  });

  it("40,000 unknown fields each get their own line from the position index", () => {
    const text = `configMgrVersion: "2403"\ndomain: LAB\nprimarySites: [{ siteCode: P01, server: cm01.lab.local }]\n${keys(40_000)}\n`;
    const result = validateDocument(readTopologyText(text, "many.yaml"));
    const unknown = result.diagnostics.filter((d) => /unknown field/.test(d.message));
    expect(unknown).toHaveLength(40_000);
    // an unknown field is reported at its own key (issue 10), found through the same index
    expect(unknown[39_999]).toMatchObject({ path: "k39999", line: 40_003, column: 1 });
  });
});

describe("bounded input (issue 14.4)", () => {
  it("a file over the maximum size is refused before it is read, with exit 2 and the reason", () => {
    const path = join(dir, "huge.yaml");
    const fd = openSync(path, "w");
    ftruncateSync(fd, MAX_TOPOLOGY_BYTES + 1);
    closeSync(fd);
    expect(readTopologyFile(path).error?.reason).toMatch(/the file is 200\.0 MB; the largest topology accepted is 200 MB/);
    const run = cli(path);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/huge\.yaml: the file is 200\.0 MB/);
  });

  it("text over the maximum is refused too", () => {
    expect(readTopologyText(" ".repeat(MAX_TOPOLOGY_BYTES + 1)).error?.reason).toMatch(/largest topology accepted/);
  });
});

describe("anchors, aliases and merge keys (issue 14.5)", () => {
  it("101 DPs sharing one anchored hardware mapping validate clean", () => {
    const doc = cbDoc();
    const dps = Array.from({ length: 101 }, (_, i) => `  - server: dp${i}.contoso.com\n    site: P01\n    os: windows-server-2022\n    edition: standard\n    architecture: x64\n    hardware: ${i === 0 ? "&hw { cores: 4, memoryGB: 16 }" : "*hw"}\n`);
    const text = stringify({ ...doc, distributionPoints: undefined }) + "distributionPoints:\n" + dps.join("");
    const result = validateDocument(readTopologyText(text, "shared.yaml"));
    expect(result.unreadable).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.model?.dps).toHaveLength(101);
    expect(result.model?.dps[100].doc.hardware).toEqual({ cores: 4, memoryGB: 16 });
  });

  const merged = `configMgrVersion: "2403"
domain: CONTOSO
primarySites: [{ siteCode: P01, server: cm01.contoso.com }]
defaults: &dp
  site: P01
  os: windows-server-2022
  edition: standard
  architecture: x64
  hardware: { cores: 4, memoryGB: 16 }
distributionPoints:
  - <<: *dp
    server: dp1.contoso.com
  - <<: *dp
    server: dp2.contoso.com
    hardware: { cores: 1, memoryGB: 16 }
`;

  it("merge keys (<<: *defaults) give each DP the shared fields, its own fields win", () => {
    const parsed = parseTopology(readTopologyText(merged.replace(/^defaults:/m, "x-defaults:"), "m.yaml"));
    // The anchor's holder is an unknown field: the format has no place for it…
    expect(parsed.ok).toBe(false);
    const loaded = readTopologyText(merged.replace(/^defaults: &dp\n((?:  .*\n)+)/m, ""), "m.yaml");
    expect(loaded.error?.reason).toMatch(/Merge sources must be maps/); // …and an alias needs its anchor
    const inline = merged
      .replace(/^defaults: &dp\n(?:  .*\n)+/m, "")
      .replace("  - <<: *dp\n    server: dp1", "  - <<: &dp { site: P01, os: windows-server-2022, edition: standard, architecture: x64, hardware: { cores: 4, memoryGB: 16 } }\n    server: dp1");
    const result = validateDocument(readTopologyText(inline, "m.yaml"));
    expect(result.model?.dps.map((d) => [d.server, d.doc.os, d.doc.hardware.cores])).toEqual([
      ["dp1.contoso.com", "windows-server-2022", 4],
      ["dp2.contoso.com", "windows-server-2022", 1],
    ]);
    // dp2's own hardware (1 core) is what DP-HW-MIN reports, at the line of dp2's own hardware
    const hw = result.diagnostics.find((d) => d.rule === "DP-HW-MIN");
    expect(hw).toMatchObject({ object: "dp:dp2.contoso.com", line: 9 });
  });

  it("a field that came from a merge key is reported where the anchor wrote it", () => {
    const inline = merged
      .replace(/^defaults: &dp\n(?:  .*\n)+/m, "")
      .replace("  - <<: *dp\n    server: dp1", "  - <<: &dp { site: P01, os: windows-server-2022, edition: standard, architecture: x64, hardware: { cores: 1, memoryGB: 16 } }\n    server: dp1")
      .replace("    hardware: { cores: 1, memoryGB: 16 }\n", "");
    const result = validateDocument(readTopologyText(inline, "m.yaml"));
    const hw = result.diagnostics.filter((d) => d.rule === "DP-HW-MIN" && d.path.endsWith("cores"));
    expect(hw.length).toBeGreaterThan(0);
    for (const d of hw) expect(d).toMatchObject({ line: 5 });
  });

  const laughs = (levels: number) => {
    let text = `configMgrVersion: "2403"\ndomain: LAB\nprimarySites: [{ siteCode: P01, server: cm01.lab.local }]\nboundaryGroups:\n  - name: a\n    boundaries: &l0 [{ adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }, { adSite: x }]\n`;
    for (let i = 1; i <= levels; i++) text += `  - name: b${i}\n    description: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(", ")}]\n`;
    return text;
  };

  it("a billion-laughs document is refused by its expansion size (not by counting aliases), with exit 2", () => {
    const loaded = readTopologyText(laughs(9), "laughs.yaml");
    expect(loaded.error?.reason).toMatch(/aliases expand .* to more than .*share settings with fewer levels/);
    expect(cli(file("laughs.yaml", laughs(9))).code).toBe(2);
    // The same document with a key written twice goes through the reference parser: refused the same way.
    expect(readTopologyText(laughs(9) + "domain: LAB\n", "laughs.yaml").error?.reason).toMatch(/aliases expand/);
    // Two levels (1,000 uses of 10 values) are within the bound: a schema verdict, not a refusal.
    expect(readTopologyText(laughs(2), "laughs.yaml").error).toBeUndefined();
  });

  it("an alias of a mapping that contains it is refused", () => {
    expect(readTopologyText("a: &a\n  b: *a\n").error?.reason ?? "").toMatch(/alias|anchor|contains it/);
  });
});

describe("encodings (issue 14.6)", () => {
  const lab = stringify(labDoc()).replace("Lab DP", "Zürich DP");
  const labVerdict = validateDocument(readTopologyText(lab, "lab.yaml")).summary;

  it("UTF-16 with a BOM (Windows PowerShell 5.1's `>`) reads as the same document", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lab, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const loaded = readTopologyBytes(bytes, "lab.yaml");
      expect(loaded.error).toBeUndefined();
      expect((loaded.data as { distributionPoints: { description: string }[] }).distributionPoints[0].description).toBe("Zürich DP");
      expect(validateDocument(loaded).summary).toEqual(labVerdict);
    }
    expect(cli(file("utf16.yaml", le)).code).toBe(0);
  });

  it("a UTF-8 BOM is skipped, for YAML and JSON", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(readTopologyBytes(Buffer.concat([bom, Buffer.from(lab)])).error).toBeUndefined();
    expect(readTopologyBytes(Buffer.concat([bom, Buffer.from(JSON.stringify(labDoc()))])).error).toBeUndefined();
  });

  it("Latin-1 is refused with exit 2, naming the encoding and where the first such byte is", () => {
    const latin1 = Buffer.from(lab, "latin1");
    const loaded = readTopologyBytes(latin1, "latin1.yaml");
    expect(loaded.error?.reason).toMatch(/not UTF-8: byte 0xFC at line \d+, column \d+ \(the file looks like Latin-1 or Windows-1252\); save it as UTF-8/);
    const run = cli(file("latin1.yaml", latin1));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/latin1\.yaml: the file is not UTF-8/);
  });

  it("UTF-16 without a BOM, UTF-32 and CR-only line endings are refused with the reason", () => {
    expect(readTopologyBytes(Buffer.from(lab, "utf16le")).error?.reason).toMatch(/UTF-16 without a byte-order mark/);
    expect(readTopologyBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])).error?.reason).toMatch(/UTF-32/);
    const cr = lab.replace(/\n/g, "\r");
    expect(readTopologyBytes(Buffer.from(cr)).error?.reason).toMatch(/CR-only line endings/);
    expect(readTopologyText(cr).error?.reason).toMatch(/CR-only line endings/);
    expect(cli(file("cr.yaml", cr)).code).toBe(2);
    // CRLF is fine
    expect(validateDocument(readTopologyText(lab.replace(/\n/g, "\r\n"))).summary).toEqual(labVerdict);
  });

  it("a file reads as its bytes do, whether it is plain UTF-8 (read as text at once) or needs its bytes looked at", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lab, "utf16le")]);
    const cases: [string, Buffer][] = [
      ["plain UTF-8", Buffer.from(lab)],
      ["plain UTF-8 JSON", Buffer.from(JSON.stringify(labDoc()))],
      ["a UTF-8 BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lab)])],
      ["UTF-16 LE with a BOM", utf16],
      ["UTF-16 BE with a BOM", Buffer.from(utf16).swap16()],
      ["UTF-16 without a BOM", Buffer.from(lab, "utf16le")],
      ["UTF-32", Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])],
      ["Latin-1", Buffer.from(lab, "latin1")],
      ["a NUL byte", Buffer.from(`${lab}\0`)],
      ["a U+FFFD written as such", Buffer.from(lab.replace("Zürich", "Z\ufffdrich"))],
      ["CR-only line endings", Buffer.from(lab.replace(/\n/g, "\r"))],
    ];
    for (const [name, bytes] of cases) {
      const path = file(`enc-${cases.findIndex((c) => c[0] === name)}.yaml`, bytes);
      const fromFile = readTopologyFile(path);
      const fromBytes = readTopologyBytes(bytes, path);
      expect(fromFile.error?.reason, name).toBe(fromBytes.error?.reason);
      expect(fromFile.data, name).toEqual(fromBytes.data);
    }
  });

  it("collection-valued keys are an unknown field, without a warning on stderr", () => {
    const warn = vi.spyOn(process, "emitWarning");
    const stderr = vi.spyOn(process.stderr, "write");
    for (const text of [`${lab}? [a, b]\n: 1\n`, `${lab}? { a: 1 }\n: 1\n`, `${lab}[a, b]: 1\ndomain: X\n`]) {
      const result = validateDocument(readTopologyText(text, "k.yaml"));
      expect(result.summary.errors).toBeGreaterThan(0);
    }
    expect(warn).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe("names that are JavaScript prototype keys (issue 14.7, the topology part)", () => {
  const names = ["constructor", "__proto__", "hasOwnProperty", "toString", "valueOf"];
  const doc = () => {
    const d = cbDoc();
    d.boundaryGroups = names.map((name) => ({ name, assignedSite: "P01", boundaries: [{ adSite: name }] }));
    d.distributionPoints = names.map((name) => serverDp(`${name.replace(/_/g, "")}.contoso.com`, "P01", { boundaryGroups: [name] }));
    d.distributionPoints.push(serverDp("constructor", "P01"), serverDp("__proto__", "P01"));
    return d;
  };

  for (const [format, text] of [
    ["YAML", stringify(doc())],
    ["JSON", JSON.stringify(doc())],
  ] as const) {
    it(`no group or DP disappears (${format})`, () => {
      const result = validateDocument(readTopologyText(text, `p.${format.toLowerCase()}`));
      const model = result.model!;
      expect(model.groups.map((g) => g.name)).toEqual(names);
      for (const name of names) {
        expect(model.groupByKey.get(name.toLowerCase())?.name).toBe(name);
        expect(model.groupByKey.get(name.toLowerCase())?.dps).toHaveLength(1);
      }
      expect(model.dps.map((d) => d.server)).toContain("constructor");
      expect(model.dpByServer.get("__proto__")?.server).toBe("__proto__");
      expect(model.dps.filter((d) => d.groups.length === 1)).toHaveLength(names.length);
      // the two single-label servers are HOST-NAME errors, reported against themselves
      expect(result.diagnostics.filter((d) => d.rule === "HOST-NAME").map((d) => d.object).sort()).toEqual(["dp:__proto__", "dp:constructor"]);
    });
  }

  it("a __proto__ key in the document is an unknown field, never a prototype", () => {
    for (const text of ['{"configMgrVersion":"2403","domain":"LAB","__proto__":{"x":1},"primarySites":[{"siteCode":"P01","server":"cm01.lab.local"}]}', 'configMgrVersion: "2403"\ndomain: LAB\n__proto__: { x: 1 }\nprimarySites: [{ siteCode: P01, server: cm01.lab.local }]\n']) {
      const result = validateDocument(readTopologyText(text, "p.yaml"));
      expect(result.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('unknown field "__proto__"'));
    }
  });
});

describe("the domain is a NetBIOS domain name (issue 14.8)", () => {
  const withDomain = (domain: string) => validateDocument(readTopologyText(JSON.stringify({ ...labDoc(), domain }), "d.json"));
  it.each(["x'y", "$(whoami)", "LAB\u2019S", "L\u201cAB\u201d", "LAB;X", "LAB`X", "ЛАБ", "LAB&X"])("refuses %s with a message that says what a NetBIOS domain name is", (domain) => {
    const schema = withDomain(domain).diagnostics.filter((d) => d.rule === "SCHEMA" && d.path === "domain");
    expect(schema).toHaveLength(1);
    expect(schema[0].message).toMatch(/must be a NetBIOS domain name such as CONTOSO: ASCII letters, digits, hyphens and underscores only/);
  });
  it.each(["LAB", "CONTOSO", "MY-LAB_2", "lab"])("accepts %s", (domain) => {
    expect(withDomain(domain).diagnostics.filter((d) => d.path === "domain")).toEqual([]);
  });
  it("leaves DNS names, spaces and the length to HOST-NAME, which explains them", () => {
    for (const domain of ["LAB.LOCAL", "MY LAB", "LAB*", "D".repeat(16)]) {
      const rules = withDomain(domain).diagnostics.filter((d) => d.path === "domain").map((d) => d.rule);
      expect(rules).toEqual(["HOST-NAME"]);
    }
  });
});

describe("the README's example of sharing settings", () => {
  it("validates as the README says: merged fields, the DP's own field winning, an alias of a nested mapping", () => {
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Sharing settings in YAML"));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const text = `configMgrVersion: "2403"\ndomain: CONTOSO\nprimarySites: [{ siteCode: P01, server: cm01.contoso.com }]\n${example}`;
    const result = validateDocument(readTopologyText(text, "readme.yaml"));
    expect(result.unreadable).toBeUndefined();
    const dps = result.model!.dps;
    expect(dps.map((d) => [d.server, d.doc.os, d.doc.hardware.cores])).toEqual([
      ["dp01.contoso.com", "windows-server-2022", 4],
      ["dp02.contoso.com", "windows-server-2022", 4],
      ["dp03.contoso.com", "windows-server-2022", 8],
      ["hub.contoso.com", "windows-server-2025", 4],
    ]);
    expect(result.diagnostics.filter((d) => d.rule === "SCHEMA")).toEqual([]);
  });
});
