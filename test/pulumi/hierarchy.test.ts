import * as pulumi from "@pulumi/pulumi";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { check } from "../../lib/pulumi/provider-logic";
import { formatDiagnostic, validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc, serverDp } from "../fixtures/lab";
import { multiSiteDoc, violationsDoc } from "./corpus";
import { DYNAMIC_PREFIX, registered, setupMocks, valueOf, type Registration } from "./mocks";

type Lib = typeof import("../../lib/index");
let lib: Lib;
let regs: Registration[];
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);

let warn: ReturnType<typeof vi.spyOn<typeof pulumi.log, "warn">>;
let info: ReturnType<typeof vi.spyOn<typeof pulumi.log, "info">>;

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  // Keep the run quiet; the tests that are about logging read these spies.
  warn = vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
  info = vi.spyOn(pulumi.log, "info").mockImplementation(async () => {});
  regs = await setupMocks();
  lib = await import("../../lib/index"); // after setMocks
});
afterAll(() => {
  process.off("unhandledRejection", onRejection);
  warn.mockRestore();
  info.mockRestore();
});

/** Every resource a Hierarchy created, components and their dynamic resources. */
function resourcesOf(h: InstanceType<Lib["Hierarchy"]>): pulumi.Resource[] {
  const components = [
    ...Object.values(h.primarySites),
    ...Object.values(h.secondarySites),
    ...Object.values(h.boundaryGroups),
    ...Object.values(h.distributionPoints),
  ];
  return [h, h.topology, ...components, ...components.map((c) => c.resource)];
}

async function build(name: string, topology: string | object, args: Partial<ConstructorParameters<Lib["Hierarchy"]>[1]> = {}) {
  const h = new lib.Hierarchy(name, { provision: false, topology, ...args });
  await registered(resourcesOf(h));
  const mine = regs.filter((r) => r.name === name || r.name.startsWith(`${name}-`));
  const byName = (type: string, n: string) => {
    const r = mine.find((x) => x.type === type && x.name === n);
    if (!r) throw new Error(`no ${type} ${n}`);
    return r;
  };
  return { h, mine, byName };
}

const T = {
  hierarchy: "configmgr:index:Hierarchy",
  primary: "configmgr:index:PrimarySite",
  secondary: "configmgr:index:SecondarySite",
  dp: "configmgr:index:DistributionPoint",
  bg: "configmgr:index:BoundaryGroup",
  dynTopology: `${DYNAMIC_PREFIX}Topology`,
  dynPrimary: `${DYNAMIC_PREFIX}PrimarySite`,
  dynSecondary: `${DYNAMIC_PREFIX}SecondarySite`,
  dynDp: `${DYNAMIC_PREFIX}DistributionPoint`,
  dynBg: `${DYNAMIC_PREFIX}BoundaryGroup`,
};

/** `type::name` of the resource a URN names. */
const tail = (urn: string) => {
  const [, , typePath, name] = urn.split("::");
  const types = typePath.split("$");
  return `${types[types.length - 1]}::${name}`;
};

describe("the seed lab as a Hierarchy", () => {
  it("registers a tidy tree: topology check, site, boundary group, DP, each holding its checked state", async () => {
    const { mine } = await build("lab", labDoc());
    const tree = mine.map((r) => `${r.type}::${r.name} <- ${r.parent ? tail(r.parent) : "(stack)"}`).sort();
    expect(tree).toEqual(
      [
        `${T.hierarchy}::lab <- (stack)`,
        `${T.dynTopology}::lab-topology <- ${T.hierarchy}::lab`,
        `${T.primary}::lab-P01 <- ${T.hierarchy}::lab`,
        `${T.dynPrimary}::lab-P01 <- ${T.primary}::lab-P01`,
        `${T.bg}::lab-lab hq <- ${T.hierarchy}::lab`,
        `${T.dynBg}::lab-lab hq <- ${T.bg}::lab-lab hq`,
        `${T.dp}::lab-win701.lab.local <- ${T.hierarchy}::lab`,
        `${T.dynDp}::lab-win701.lab.local <- ${T.dp}::lab-win701.lab.local`,
      ].sort(),
    );
  });

  it("makes everything depend on the topology check, and each DP on its site and boundary groups", async () => {
    const { mine, byName } = await build("lab2", labDoc());
    const topologyUrn = byName(T.dynTopology, "lab2-topology").urn;
    for (const r of mine) {
      if (r.type === T.hierarchy || r.type === T.dynTopology) continue;
      expect(r.dependencies, `${r.type}::${r.name}`).toContain(topologyUrn);
    }
    const dp = byName(T.dynDp, "lab2-win701.lab.local");
    expect(dp.dependencies.map(tail).sort()).toEqual(
      [`${T.dynTopology}::lab2-topology`, `${T.dynPrimary}::lab2-P01`, `${T.dynBg}::lab2-lab hq`].sort(),
    );
    expect(byName(T.dynBg, "lab2-lab hq").dependencies.map(tail).sort()).toEqual(
      [`${T.dynTopology}::lab2-topology`, `${T.dynPrimary}::lab2-P01`].sort(),
    );
  });

  it("exposes the objects by name, with typed outputs", async () => {
    const { h } = await build("lab3", labDoc());
    const dp = h.distributionPoints["win701.lab.local"];
    expect(dp).toBeInstanceOf(lib.DistributionPoint);
    expect(h.primarySites.P01).toBeInstanceOf(lib.PrimarySite);
    expect(h.boundaryGroups["Lab HQ"]).toBeInstanceOf(lib.BoundaryGroup);
    expect(await valueOf(dp.serverFqdn)).toBe("win701.lab.local");
    expect(await valueOf(dp.netbiosName)).toBe("WIN701");
    expect(await valueOf(dp.siteCode)).toBe("P01");
    expect(await valueOf(dp.settings)).toMatchObject({ os: "windows-7", serverCore: false, prepareHost: true, boundaryGroups: ["Lab HQ"] });
    expect(await valueOf(dp.configuration)).toMatchObject({
      siteCode: "P01",
      siteServer: "cm01.lab.local",
      pull: false,
      pxe: false,
      multicast: false,
      contentLibrary: { primary: "C" },
      packageShare: { primary: "C" },
      minimumFreeSpaceMB: 50,
      boundaryGroups: ["Lab HQ"],
    });
    expect(await valueOf(h.primarySites.P01.netbiosName)).toBe("CM01");
    expect(await valueOf(h.primarySites.P01.serverFqdn)).toBe("cm01.lab.local");
    expect(await valueOf(h.boundaryGroups["Lab HQ"].assignedSite)).toBe("P01");
    expect(h.summary).toEqual({ errors: 0, warnings: 0, waived: 0 });
  });

  it("gives each dynamic resource a readable id", async () => {
    const { h } = await build("lab4", labDoc());
    expect(await valueOf(h.distributionPoints["win701.lab.local"].resource.id)).toBe("dp:win701.lab.local");
    expect(await valueOf(h.primarySites.P01.resource.id)).toBe("site:P01");
    expect(await valueOf(h.boundaryGroups["Lab HQ"].resource.id)).toBe("bg:lab hq");
    expect(await valueOf(h.topology.id)).toBe("topology");
  });

  it("reads the same document from the example YAML file", async () => {
    const { mine } = await build("labfile", resolve(__dirname, "../../examples/lab/topology.yaml"));
    expect(mine.map((r) => `${r.type}::${r.name}`).sort()).toEqual(
      [
        `${T.hierarchy}::labfile`,
        `${T.dynTopology}::labfile-topology`,
        `${T.primary}::labfile-P01`,
        `${T.dynPrimary}::labfile-P01`,
        `${T.bg}::labfile-lab hq`,
        `${T.dynBg}::labfile-lab hq`,
        `${T.dp}::labfile-win701.lab.local`,
        `${T.dynDp}::labfile-win701.lab.local`,
      ].sort(),
    );
  });
});

describe("a multi-site hierarchy", () => {
  it("parents every site, group and DP directly under the Hierarchy, so that a move keeps its URN", async () => {
    const { mine } = await build("ms", multiSiteDoc());
    const parentOf = (type: string, name: string) => tail(mine.find((r) => r.type === type && r.name === name)!.parent);
    expect(parentOf(T.secondary, "ms-S01")).toBe(`${T.hierarchy}::ms`);
    expect(parentOf(T.secondary, "ms-S02")).toBe(`${T.hierarchy}::ms`);
    expect(parentOf(T.dp, "ms-sec01.contoso.com")).toBe(`${T.hierarchy}::ms`);
    expect(parentOf(T.dp, "ms-dp7.contoso.com")).toBe(`${T.hierarchy}::ms`);
    expect(parentOf(T.dp, "ms-dp1.contoso.com")).toBe(`${T.hierarchy}::ms`);
    expect(parentOf(T.bg, "ms-hq")).toBe(`${T.hierarchy}::ms`);
    // 1 hierarchy + topology + (2 primaries + 2 secondaries + 4 groups + 7 DPs) × 2
    expect(mine).toHaveLength(2 + 15 * 2);
  });

  it("orders provisioning: secondary after its parent, pull DP after its sources, groups after their site", async () => {
    const { byName } = await build("ms2", multiSiteDoc());
    const deps = (type: string, name: string) => byName(type, name).dependencies.map(tail).sort();
    expect(deps(T.dynSecondary, "ms2-S01")).toEqual([`${T.dynPrimary}::ms2-P01`, `${T.dynTopology}::ms2-topology`].sort());
    expect(deps(T.dynDp, "ms2-dp3.contoso.com")).toEqual(
      [
        `${T.dynTopology}::ms2-topology`,
        `${T.dynPrimary}::ms2-P01`,
        `${T.dynBg}::ms2-hq`, // listed as "hq": names compare case-insensitively
        `${T.dynDp}::ms2-dp1.contoso.com`,
        `${T.dynDp}::ms2-dp2.contoso.com`,
      ].sort(),
    );
    expect(deps(T.dynBg, "ms2-branch paris")).toEqual([`${T.dynPrimary}::ms2-P02`, `${T.dynTopology}::ms2-topology`].sort());
  });

  it("passes each object the facts its rules need, and the whole document to the topology check", async () => {
    const { byName } = await build("ms3", multiSiteDoc());
    const win10 = byName(T.dynDp, "ms3-win10.contoso.com").inputs;
    expect(win10.context).toEqual({
      site: { code: "P02", kind: "primary", server: "cm02.contoso.com", clients: 12000 },
      groups: [{ name: "Branch Paris", clients: 40, otherDps: 2, otherClientOsDps: 0 }],
      sources: [],
    });
    expect(win10).toMatchObject({ configMgrVersion: "2403", domain: "CONTOSO", siteServer: "cm02.contoso.com" });
    const p01 = byName(T.dynPrimary, "ms3-P01").inputs;
    expect(p01.context).toEqual({
      cas: { code: "CAS", server: "cm00.contoso.com", sqlEdition: "enterprise" },
      standardDps: 2,
      pullDps: 1,
      secondaries: 1,
      treeDps: 4,
    });
    const topology = byName(T.dynTopology, "ms3-topology").inputs;
    expect(topology.distributionPoints).toHaveLength(7);
    expect(topology.cas.siteCode).toBe("CAS");
  });
});

describe("a document that breaks rules", () => {
  it("still registers every object, and the topology check lists every unwaived error", async () => {
    const doc = violationsDoc();
    const { h, mine, byName } = await build("bad", doc);
    const validation = validateDocument(loadTopologyObject(doc));
    expect(Object.keys(h.distributionPoints)).toHaveLength(new Set(doc.distributionPoints.map((d) => d.server)).size);
    expect(mine.filter((r) => r.type === T.dynDp)).toHaveLength(Object.keys(h.distributionPoints).length);
    const result = await check("topology", {}, byName(T.dynTopology, "bad-topology").inputs);
    const errors = validation.diagnostics.filter((d) => d.severity === "error" && !d.waived);
    expect(errors.length).toBeGreaterThan(5);
    expect(result.failures.map((f) => f.reason).sort()).toEqual(errors.map(formatDiagnostic).sort());
  });

  it("does not deadlock on a cycle of pull sources", async () => {
    const { h } = await build("cyc", violationsDoc());
    expect(await valueOf(h.distributionPoints["cyc1.contoso.com"].resource.urn)).toContain("cyc-cyc1.contoso.com");
    expect(await valueOf(h.distributionPoints["cyc2.contoso.com"].resource.urn)).toContain("cyc-cyc2.contoso.com");
  });

  it("logs warnings on the resource they belong to, and waived errors as information", async () => {
    warn.mockClear();
    info.mockClear();
    const doc = labDoc();
    doc.waivers = [
      { rule: "DP-OS-SUPPORTED", object: "dp:win701.lab.local", reason: "nothing to waive: stale" },
      { rule: "DP-OS-SUPPORTED", object: "dp:pull.lab.local", reason: "known, replaced next quarter" },
    ];
    doc.distributionPoints.push(serverDp("pull.lab.local", "P01", { boundaryGroups: ["Lab HQ"] }));
    const { h } = await build("warn", doc);
    const warned = warn.mock.calls.map(([msg, res]) => [msg, res] as const);
    const stale = warned.find(([msg]) => msg.startsWith("[WAIVER-UNUSED] dp:win701.lab.local"));
    expect(stale?.[1]).toBe(h.distributionPoints["win701.lab.local"]);
    const waived = info.mock.calls.find(([msg]) => msg.startsWith("[DP-OS-SUPPORTED] dp:pull.lab.local"));
    expect(waived?.[0]).toContain("[waived: known, replaced next quarter]");
    expect(waived?.[1]).toBe(h.distributionPoints["pull.lab.local"]);
  });
});

describe("a document that cannot be built", () => {
  it("stops with a clear error for schema errors, naming each field", () => {
    const doc = labDoc() as Record<string, any>;
    doc.distributionPoints[0].hardware = { cores: "two", memoryGB: 8 };
    doc.colour = "blue";
    let error: unknown;
    try {
      new lib.Hierarchy("schema", { provision: false, topology: doc });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(pulumi.RunError);
    const message = (error as Error).message;
    expect(message).toContain("does not have the shape of the topology format (2 problems); nothing to build");
    expect(message).toContain("[SCHEMA] dp:win701.lab.local");
    expect(message).toContain("distributionPoints[0].hardware.cores");
    expect(message).toContain('unknown field "colour"');
    expect(regs.some((r) => r.name.startsWith("schema"))).toBe(false);
  });

  it("stops with the file, line and column for a YAML syntax error", () => {
    const dir = mkdtempSync(join(tmpdir(), "configmgr-yaml-"));
    try {
      const file = join(dir, "topology.yaml");
      writeFileSync(file, 'configMgrVersion: "2403"\ndomain: [LAB\nprimarySites: []\n');
      expect(() => new lib.Hierarchy("yaml", { provision: false, topology: file })).toThrow(pulumi.RunError);
      expect(() => new lib.Hierarchy("yaml", { provision: false, topology: file })).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+`));
      expect(() => new lib.Hierarchy("missing", { provision: false, topology: join(dir, "nope.yaml") })).toThrow(/file not found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the four classes on their own", () => {
  it("work without a document, with inputs from other resources", async () => {
    const server = pulumi.output("Solo01.Lab.Local");
    const site = new lib.PrimarySite("solo-site", { provision: false, siteCode: "P09", server: "cm09.lab.local", configMgrVersion: "2403", domain: "LAB" });
    const group = new lib.BoundaryGroup("solo-bg", { provision: false, name: "Solo", assignedSite: site.siteCode, boundaries: [{ ipSubnet: "10.9.0.0/16" }] });
    const secondary = new lib.SecondarySite("solo-sec", { provision: false, siteCode: "S09", parent: site.siteCode, server: "sec09.lab.local" });
    const dp = new lib.DistributionPoint("solo-dp", { provision: false,
      server,
      site: site.siteCode,
      siteServer: site.serverFqdn,
      os: "windows-server-2022",
      edition: "standard",
      architecture: "x64",
      hardware: { cores: 4, memoryGB: 16 },
      boundaryGroups: [group.groupName],
      configMgrVersion: "2403",
    });
    await registered([site, group, secondary, dp, site.resource, group.resource, secondary.resource, dp.resource]);
    const solo = regs.find((r) => r.type === T.dynDp && r.name === "solo-dp")!;
    expect(solo.inputs.context).toBeUndefined();
    expect(solo.inputs).toMatchObject({ server: "Solo01.Lab.Local", site: "P09", boundaryGroups: ["Solo"], siteServer: "cm09.lab.local" });
    expect(solo.parent).toBe(await valueOf(dp.urn));
    expect(await valueOf(dp.resource.id)).toBe("dp:solo01.lab.local");
    expect(await valueOf(dp.netbiosName)).toBe("SOLO01");
    expect(await valueOf(secondary.parentSiteCode)).toBe("P09");
    expect(await valueOf(group.settings)).toEqual({ name: "Solo", assignedSite: "P09", boundaries: [{ ipSubnet: "10.9.0.0/16" }] });
  });

  it("log their own warnings once their inputs are known", async () => {
    warn.mockClear();
    const dp = new lib.DistributionPoint("lonely-dp", { provision: false,
      server: pulumi.output("lonely.lab.local"),
      site: "P01",
      os: "windows-server-2022",
      edition: "standard",
      architecture: "x64",
      hardware: { cores: 4, memoryGB: 16 },
      configMgrVersion: "2403",
    });
    await registered([dp, dp.resource]);
    const logged = () => warn.mock.calls.find(([msg]) => msg.startsWith("[DP-NO-BG] dp:lonely.lab.local"));
    for (let i = 0; i < 100 && !logged(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(logged()?.[1]).toBe(dp);
  });
});

describe("the dynamic providers", () => {
  it("are serialised, small, and require the logic by package name", async () => {
    await build("ser", multiSiteDoc());
    const texts = new Map<string, Set<string>>();
    for (const r of regs.filter((x) => x.type.startsWith(DYNAMIC_PREFIX))) {
      const text = r.inputs.__provider;
      expect(typeof text, r.name).toBe("string");
      if (!texts.has(r.type)) texts.set(r.type, new Set());
      texts.get(r.type)!.add(text);
    }
    expect([...texts.keys()].sort()).toEqual([T.dynBg, T.dynDp, T.dynPrimary, T.dynSecondary, T.dynTopology].sort());
    for (const [type, set] of texts) {
      expect(set.size, `one provider text for every ${type}`).toBe(1);
      const [text] = set;
      expect(text).toContain('require("pulumi-configmgr/dist/pulumi/provider-logic")');
      expect(text).not.toMatch(/__vite_ssr|zod|safeParse/);
      // State stores it twice per resource: a few KB at most.
      expect(text.length, type).toBeLessThan(3 * 1024);
    }
  });

  it("raise no unhandled rejection in any of these runs", async () => {
    await new Promise((r) => setTimeout(r, 100));
    expect(rejections).toEqual([]);
  });
});
