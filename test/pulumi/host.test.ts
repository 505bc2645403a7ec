import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UNKNOWN_SENTINELS } from "../../lib/pulumi/unknowns";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";
import { violationsDoc } from "./corpus";
import { cleanup, rpc, startHost, type Host } from "./host-harness";
import { DYNAMIC_PREFIX, registered, setupMocks, type Registration } from "./mocks";

/**
 * The providers exactly as a program serialises them (captured from a mocks run), run by the
 * real dynamic-provider host of @pulumi/pulumi and driven over gRPC as the engine drives it.
 * Needs `npm run build` (the provider text requires pulumi-configmgr/dist/…).
 */

let host: Host;
let regs: Registration[];
/** The Hierarchy's inputs for each dynamic resource of the seed lab, by kind. */
const lab: Record<string, Record<string, any>> = {};
/** The inputs of DPs declared on their own (no context). */
let soloDp: Record<string, any>;
let soloSecondary: Record<string, any>;

const URN = (kind: string, name: string) => `urn:pulumi:dev::proj::${DYNAMIC_PREFIX}${kind}::${name}`;
const dp = () => rpc(host, URN("DistributionPoint", "dp"));
const primary = () => rpc(host, URN("PrimarySite", "p"));
const secondary = () => rpc(host, URN("SecondarySite", "s"));
const group = () => rpc(host, URN("BoundaryGroup", "g"));
const topology = () => rpc(host, URN("Topology", "t"));
const ids = (failures: { reason: string }[]) => failures.map((f) => /^\[([A-Z0-9-]+)\]/.exec(f.reason)?.[1]);

beforeAll(async () => {
  vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
  regs = await setupMocks();
  const { Hierarchy, DistributionPoint, SecondarySite } = await import("../../lib/index");
  const h = new Hierarchy("lab", { provision: false, topology: labDoc() });
  const solo = new DistributionPoint("solo", { provision: false,
    server: "solo.lab.local",
    site: "P01",
    os: "windows-7",
    edition: "enterprise",
    architecture: "x64",
    hardware: { cores: 2, memoryGB: 8 },
    boundaryGroups: ["Nowhere"],
  });
  const sec = new SecondarySite("solo-sec", { provision: false, siteCode: "S01", parent: "P01", server: "sec01.lab.local", configMgrVersion: "2403" });
  await registered([h.topology, solo.resource, sec.resource, ...Object.values(h.distributionPoints).map((d) => d.resource)]);
  await registered([...Object.values(h.primarySites).map((d) => d.resource), ...Object.values(h.boundaryGroups).map((d) => d.resource)]);
  for (const r of regs) if (r.type.startsWith(DYNAMIC_PREFIX) && r.name.startsWith("lab")) lab[r.type.slice(DYNAMIC_PREFIX.length)] = r.inputs;
  soloDp = regs.find((r) => r.name === "solo" && r.custom)!.inputs;
  soloSecondary = regs.find((r) => r.name === "solo-sec" && r.custom)!.inputs;
  host = await startHost();
});

afterAll(() => {
  host?.stop();
  cleanup();
});

describe("check", () => {
  it("answers for fields named like JavaScript prototype keys, known or not yet known", async () => {
    for (const value of [UNKNOWN_SENTINELS.string, "x"]) {
      const result = await topology().check({ ...lab.Topology, constructor: value, toString: value });
      expect(Array.isArray(result.failures)).toBe(true);
      const dpResult = await dp().check({ ...lab.DistributionPoint, constructor: value });
      expect(Array.isArray(dpResult.failures)).toBe(true);
    }
    expect(host.stderr()).not.toMatch(/TypeError/);
  });

  it("passes the seed lab, every resource of it, and returns the inputs unchanged", async () => {
    expect(Object.keys(lab).sort()).toEqual(["BoundaryGroup", "DistributionPoint", "PrimarySite", "Topology"]);
    for (const [kind, inputs] of Object.entries(lab)) {
      const result = await rpc(host, URN(kind, "lab")).check(inputs);
      expect(result.failures, kind).toEqual([]);
      expect(result.inputs, kind).toEqual(inputs);
    }
  });

  it("reports a violated limit with rule id, object, limit, value found, source and fix", async () => {
    const { failures } = await dp().check({ ...lab.DistributionPoint, clients: 4150 });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("clients");
    expect(failures[0].reason).toMatch(/^\[DP-CLIENTS-MAX\] dp:win701\.lab\.local .*4,150 clients.*4,000.*\(size-and-scale-numbers\)\. \S/);
  });

  it("reports every violation of the object at once, each on its field", async () => {
    const { failures } = await dp().check({
      ...lab.DistributionPoint,
      configMgrVersion: "2403",
      hardware: { cores: 1, memoryGB: 8 },
      pxe: { enabled: true, responseDelaySeconds: 40 },
    });
    expect(ids(failures).sort()).toEqual(expect.arrayContaining(["DP-HW-MIN", "DP-OS-SUPPORTED", "PXE-DELAY"]));
    expect(failures.find((f) => f.reason.startsWith("[DP-OS-SUPPORTED]"))?.property).toBe("os");
    expect(failures.find((f) => f.reason.startsWith("[DP-HW-MIN]"))?.property).toBe("hardware");
    expect(failures.find((f) => f.reason.startsWith("[PXE-DELAY]"))?.property).toBe("pxe");
  });

  it("uses the facts passed in for the rules about other objects", async () => {
    const context = { ...lab.PrimarySite.context, standardDps: 251 };
    const { failures } = await primary().check({ ...lab.PrimarySite, context });
    expect(ids(failures)).toEqual(["DP-PER-SITE-MAX"]);
    expect(failures[0].reason).toContain("site:P01 has 251 standard distribution points");
  });

  it("honours a waiver of the object", async () => {
    const news = { ...lab.DistributionPoint, configMgrVersion: "2403" };
    expect(ids((await dp().check(news)).failures)).toEqual(["DP-OS-SUPPORTED"]);
    const waived = await dp().check({ ...news, waivers: [{ rule: "DP-OS-SUPPORTED", reason: "replaced next quarter" }] });
    expect(waived.failures).toEqual([]);
  });

  it("on its own, applies the rules that need no other object and skips the others", async () => {
    // No version: version-dependent rules are skipped; the unknown group would be REF-UNKNOWN in a document.
    expect((await dp().check(soloDp)).failures).toEqual([]);
    const versioned = await dp().check({ ...soloDp, configMgrVersion: "2403" });
    expect(ids(versioned.failures)).toEqual(["DP-OS-SUPPORTED"]);
    const badVersion = await dp().check({ ...soloDp, configMgrVersion: "2020" });
    expect(ids(badVersion.failures)).toEqual(["VERSION-FORMAT"]);
    expect(badVersion.failures[0].property).toBe("configMgrVersion");
    // A secondary whose parent is unknown, with 251 DPs declared nowhere: nothing to say alone.
    expect((await secondary().check(soloSecondary)).failures).toEqual([]);
    expect(ids((await secondary().check({ ...soloSecondary, siteCode: "CON" })).failures)).toEqual(["SITECODE-RESERVED"]);
  });

  it("normalises what it is given (defaults, canonical spellings)", async () => {
    const { inputs, failures } = await dp().check({ ...soloDp, server: "SOLO.Lab.Local", site: "p01" });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ server: "solo.lab.local", site: "P01", serverCore: false, prepareHost: true, clientConnection: "http" });
  });

  it("reports every unwaived error of a whole document in the topology check", async () => {
    const validation = validateDocument(loadTopologyObject(violationsDoc()));
    const errors = validation.diagnostics.filter((d) => d.severity === "error" && !d.waived);
    const { failures } = await topology().check({ ...JSON.parse(JSON.stringify(validation.model!.doc)), __provider: lab.Topology.__provider });
    expect(failures).toHaveLength(errors.length);
    expect(new Set(ids(failures))).toEqual(new Set(errors.map((d) => d.rule)));
    expect(failures.every((f) => f.property === "")).toBe(true);
  });
});

describe("check during preview (unknown inputs)", () => {
  const sentinels = Object.entries(UNKNOWN_SENTINELS);

  it.each(sentinels)("skips the rules that read a field whose value is the %s sentinel, and enforces them once known", async (_name, unknown) => {
    const news = { ...lab.DistributionPoint, configMgrVersion: "2403" };
    expect(ids((await dp().check(news)).failures)).toEqual(["DP-OS-SUPPORTED"]);
    const preview = await dp().check({ ...news, os: unknown });
    expect(preview.failures).toEqual([]);
    expect(preview.inputs.os).toBe(unknown);
  });

  it("sees unknowns nested in objects and arrays", async () => {
    const small = { ...lab.DistributionPoint, hardware: { cores: 1, memoryGB: 8 } };
    expect(ids((await dp().check(small)).failures)).toEqual(["DP-HW-MIN"]);
    expect((await dp().check({ ...small, hardware: { cores: UNKNOWN_SENTINELS.number, memoryGB: 8 } })).failures).toEqual([]);

    const badBoundary = { ...lab.BoundaryGroup, boundaries: [{ ipSubnet: "192.168.1.0/24" }, { ipSubnet: "10.0.0.1/8" }] };
    expect(ids((await group().check(badBoundary)).failures)).toEqual(["BND-FORMAT"]);
    const nested = { ...lab.BoundaryGroup, boundaries: [{ ipSubnet: "192.168.1.0/24" }, { ipSubnet: UNKNOWN_SENTINELS.string }] };
    expect((await group().check(nested)).failures).toEqual([]);
  });

  it("keeps enforcing the rules that do not depend on the unknown field", async () => {
    const { failures } = await dp().check({ ...lab.DistributionPoint, description: UNKNOWN_SENTINELS.string, hardware: { cores: 1, memoryGB: 8 } });
    expect(ids(failures)).toEqual(["DP-HW-MIN"]);
  });

  it("skips what depends on unknown facts, the version, or a required identity field", async () => {
    const context = { ...lab.PrimarySite.context, standardDps: 251 };
    expect((await primary().check({ ...lab.PrimarySite, context: UNKNOWN_SENTINELS.object })).failures).toEqual([]);
    // Facts known, identity not yet: the count is still checked, and the site shown as unknown.
    const unknownCode = await primary().check({ ...lab.PrimarySite, context, siteCode: UNKNOWN_SENTINELS.string });
    expect(unknownCode.failures).toHaveLength(1);
    expect(unknownCode.failures[0].reason).toMatch(/^\[DP-PER-SITE-MAX\] site:<unknown siteCode> has 251 standard/);
    expect((await dp().check({ ...lab.DistributionPoint, configMgrVersion: UNKNOWN_SENTINELS.string, os: "windows-11" })).failures).toEqual([]);
    const unknownServer = await dp().check({ ...lab.DistributionPoint, server: UNKNOWN_SENTINELS.string, hardware: { cores: 1, memoryGB: 8 } });
    expect(ids(unknownServer.failures)).toEqual(["DP-HW-MIN"]);
  });

  it("skips them in the topology check too", async () => {
    const doc = JSON.parse(JSON.stringify(validateDocument(loadTopologyObject({ ...labDoc(), configMgrVersion: "2403" })).model!.doc));
    const news = { ...doc, __provider: lab.Topology.__provider };
    expect(ids((await topology().check(news)).failures)).toEqual(["DP-OS-SUPPORTED"]);
    news.distributionPoints[0].os = UNKNOWN_SENTINELS.string;
    expect((await topology().check(news)).failures).toEqual([]);
  });
});

describe("diff", () => {
  const olds = async () => (await dp().create(lab.DistributionPoint)).outs;

  it.each([
    ["description", "another description", { changes: 2, replaces: [], deleteBeforeReplace: false }],
    ["hardware", { cores: 4, memoryGB: 16 }, { changes: 2, replaces: [], deleteBeforeReplace: false }],
    ["boundaryGroups", [], { changes: 2, replaces: [], deleteBeforeReplace: false }],
    ["pxe", { enabled: true }, { changes: 2, replaces: [], deleteBeforeReplace: false }],
    ["configMgrVersion", "2012 R2", { changes: 2, replaces: [], deleteBeforeReplace: false }],
    ["server", "win702.lab.local", { changes: 2, replaces: ["server"], deleteBeforeReplace: false }],
    ["site", "P02", { changes: 2, replaces: ["site"], deleteBeforeReplace: true }],
    ["storage", { primaryContentLibrary: "D", primaryPackageShare: "C", minimumFreeSpaceMB: 50 }, { changes: 2, replaces: ["storage"], deleteBeforeReplace: true }],
    ["storage", { primaryContentLibrary: "C", primaryPackageShare: "C", minimumFreeSpaceMB: 500 }, { changes: 2, replaces: ["storage"], deleteBeforeReplace: true }],
    ["server", UNKNOWN_SENTINELS.string, { changes: 2, replaces: ["server"], deleteBeforeReplace: true }],
    ["description", UNKNOWN_SENTINELS.string, { changes: 2, replaces: [], deleteBeforeReplace: false }],
    ["context", { site: { code: "P01", kind: "primary", server: "cm01.lab.local" }, groups: [], sources: [] }, { changes: 1, replaces: [], deleteBeforeReplace: false }],
    ["waivers", [{ rule: "DP-HW-MIN", reason: "lab" }], { changes: 1, replaces: [], deleteBeforeReplace: false }],
  ])("of a DP: a change of %s → %o", async (field, value, expected) => {
    expect(await dp().diff("dp:win701.lab.local", await olds(), { ...lab.DistributionPoint, [field]: value })).toEqual(expected);
  });

  it("ignores a new library version (only __provider changed)", async () => {
    const old = await olds();
    const upgraded = { ...lab.DistributionPoint, __provider: lab.DistributionPoint.__provider };
    expect(await dp().diff("dp:win701.lab.local", { ...old, __provider: `${old.__provider}\n// 0.0.1` }, upgraded)).toEqual({
      changes: 1,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("replaces a site whose code or server changes, and updates it otherwise", async () => {
    const old = (await primary().create(lab.PrimarySite)).outs;
    expect(await primary().diff("site:P01", old, { ...lab.PrimarySite, siteCode: "P02" })).toEqual({ changes: 2, replaces: ["siteCode"], deleteBeforeReplace: true });
    expect(await primary().diff("site:P01", old, { ...lab.PrimarySite, server: "cm09.lab.local" })).toEqual({ changes: 2, replaces: ["server"], deleteBeforeReplace: true });
    expect(await primary().diff("site:P01", old, { ...lab.PrimarySite, clients: 500 })).toEqual({ changes: 2, replaces: [], deleteBeforeReplace: false });
    const sec = (await secondary().create(soloSecondary)).outs;
    expect(await secondary().diff("site:S01", sec, { ...soloSecondary, parent: "P02" })).toEqual({ changes: 2, replaces: ["parent"], deleteBeforeReplace: true });
  });

  it("refuses at check (so at preview) a secondary whose parent changes, with the two ups that move it; a case-only change passes", async () => {
    const old = (await secondary().check(soloSecondary)).inputs;
    const moved = await secondary().check({ ...soloSecondary, parent: "P02" }, old);
    expect(moved.failures).toHaveLength(1);
    expect(moved.failures[0].property).toBe("parent");
    expect(moved.failures[0].reason).toMatch(new RegExp(`parent changes from ${old.parent} to P02, and ConfigMgr cannot move a secondary site.*remove .* and its DPs .* run pulumi up .* add them back under P02 and run pulumi up again`));
    expect((await secondary().check({ ...soloSecondary, parent: String(old.parent).toLowerCase() }, old)).failures).toEqual([]);
    expect((await secondary().check({ ...soloSecondary, parent: "P02" }, {})).failures.filter((f) => f.property === "parent")).toEqual([]);
  });

  it("renames a boundary group by replacing it, unless only the case changed", async () => {
    const old = (await group().create(lab.BoundaryGroup)).outs;
    expect(await group().diff("bg:lab hq", old, { ...lab.BoundaryGroup, name: "LAB HQ" })).toEqual({ changes: 2, replaces: [], deleteBeforeReplace: false });
    expect(await group().diff("bg:lab hq", old, { ...lab.BoundaryGroup, name: "Lab West" })).toEqual({ changes: 2, replaces: ["name"], deleteBeforeReplace: false });
    expect(await group().diff("bg:lab hq", old, { ...lab.BoundaryGroup, boundaries: [] })).toEqual({ changes: 2, replaces: [], deleteBeforeReplace: false });
  });

  it("updates the topology in place", async () => {
    const old = (await topology().create(lab.Topology)).outs;
    expect(await topology().diff("topology", old, lab.Topology)).toEqual({ changes: 1, replaces: [], deleteBeforeReplace: false });
    expect(await topology().diff("topology", old, { ...lab.Topology, domain: "LAB2" })).toEqual({ changes: 2, replaces: [], deleteBeforeReplace: false });
  });

  it("carries the step scripts' behaviour versions beside the document: never validated, a change is an update the preview shows", async () => {
    const withVersions = { ...lab.Topology, scriptBehaviour: { "dp-role.ps1": 1, "common.ps1": 1 } };
    expect((await topology().check(withVersions)).failures).toEqual([]);
    const old = (await topology().create(withVersions)).outs;
    expect(old.summary).toMatchObject({ errors: 0 });
    expect(await topology().diff("topology", old, withVersions)).toEqual({ changes: 1, replaces: [], deleteBeforeReplace: false });
    const bumped = { ...withVersions, scriptBehaviour: { "dp-role.ps1": 2, "common.ps1": 1 } };
    expect(await topology().diff("topology", old, bumped)).toEqual({ changes: 2, replaces: [], deleteBeforeReplace: false });
  });
});

describe("create, update, read, delete", () => {
  it("create returns a readable id and the full, JSON-clean outputs", async () => {
    const { id, outs } = await dp().create(lab.DistributionPoint);
    expect(id).toBe("dp:win701.lab.local");
    const { __provider, ...inputs } = lab.DistributionPoint;
    expect(outs).toMatchObject(inputs);
    expect(outs.__provider).toBe(__provider);
    expect(outs.netbiosName).toBe("WIN701");
    expect(outs.configuration).toMatchObject({ siteCode: "P01", siteServer: "cm01.lab.local", minimumFreeSpaceMB: 50, pxe: false });
    expect(outs.settings.server).toBe("win701.lab.local");
    expect((await topology().create(lab.Topology)).outs.summary).toEqual({ errors: 0, warnings: 0, waived: 0 });
  });

  it("update returns the full outputs for the new inputs (nothing wiped)", async () => {
    const { outs } = await dp().create(lab.DistributionPoint);
    const news = { ...lab.DistributionPoint, description: "moved to rack 2", pxe: { enabled: true } };
    const updated = await dp().update("dp:win701.lab.local", outs, (await dp().check(news)).inputs);
    expect(updated).toMatchObject({ description: "moved to rack 2", server: "win701.lab.local", netbiosName: "WIN701" });
    expect(updated.configuration.pxe).toBe(true);
  });

  it("read supports refresh without a spurious diff", async () => {
    for (const [kind, inputs] of Object.entries(lab)) {
      const p = rpc(host, URN(kind, "lab"));
      const checked = (await p.check(inputs)).inputs;
      const { id, outs } = await p.create(checked);
      const refreshed = await p.read(id, outs);
      expect(refreshed.id, kind).toBe(id);
      expect(refreshed.props, kind).toEqual(outs);
      expect(refreshed.inputs, kind).toEqual(checked);
      expect(await p.diff(id, refreshed.props, checked), kind).toEqual({ changes: 1, replaces: [], deleteBeforeReplace: false });
    }
  });

  it("delete is idempotent, and works on state from any version", async () => {
    const { id, outs } = await dp().create(lab.DistributionPoint);
    await expect(dp().delete(id, outs)).resolves.toBeUndefined();
    await expect(dp().delete(id, outs)).resolves.toBeUndefined();
    await expect(dp().delete(id, { __provider: lab.DistributionPoint.__provider })).resolves.toBeUndefined();
    expect(host.stderr()).not.toMatch(/Error/);
  });
});
