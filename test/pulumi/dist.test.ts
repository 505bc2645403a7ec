import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labDoc } from "../fixtures/lab";
import { cleanup, installedProject, PROJECT_ROOT, rpc, startHost, type Host } from "./host-harness";

/**
 * What users run: the compiled dist/ under plain Node (CommonJS, no vitest transform), in a
 * child process. The providers must serialise there too, stay small, and work in the host.
 */

const program = `
const pulumi = require("@pulumi/pulumi");
const texts = {};
pulumi.runtime.setMocks({
  newResource: (a) => {
    if (a.inputs.__provider) texts[a.type] = a.inputs.__provider;
    return { id: a.custom ? a.name + "-id" : undefined, state: a.inputs };
  },
  call: (a) => a.inputs,
}, "proj", "dev", false);
const lib = require(${JSON.stringify(join(PROJECT_ROOT, "dist", "index.js"))});
const providers = require(${JSON.stringify(join(PROJECT_ROOT, "dist", "pulumi", "providers.js"))});
const doc = JSON.parse(process.argv[1]);
doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "sec01.lab.local" }];
const h = new lib.Hierarchy("dist", { provision: false, topology: doc });
const all = [h.topology, ...Object.values(h.primarySites), ...Object.values(h.secondarySites),
  ...Object.values(h.boundaryGroups), ...Object.values(h.distributionPoints)].map((r) => r.resource || r);
(async () => {
  await Promise.all(all.map((r) => r.urn.promise()));
  const serialized = {};
  for (const [name, provider] of Object.entries(providers)) {
    serialized[name] = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
  }
  process.stdout.write(JSON.stringify({ texts, serialized }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** The same program as a user writes it, in a project that installed the library. */
const userProgram = `
const pulumi = require("@pulumi/pulumi");
const texts = {};
pulumi.runtime.setMocks({
  newResource: (a) => {
    if (a.inputs.__provider) texts[a.type] = a.inputs.__provider;
    return { id: a.custom ? a.name + "-id" : undefined, state: a.inputs };
  },
  call: (a) => a.inputs,
}, "proj", "dev", false);
const { Hierarchy } = require("pulumi-configmgr");
const doc = JSON.parse(process.argv[1]);
doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "sec01.lab.local" }];
const h = new Hierarchy("user", { provision: false, topology: doc });
const all = [h.topology, ...Object.values(h.primarySites), ...Object.values(h.secondarySites),
  ...Object.values(h.boundaryGroups), ...Object.values(h.distributionPoints)].map((r) => r.resource || r);
Promise.all(all.map((r) => r.urn.promise())).then(() => process.stdout.write(JSON.stringify(texts)));
`;

const run = (code: string, cwd: string) =>
  JSON.parse(execFileSync(process.execPath, ["-e", code, JSON.stringify(labDoc())], { cwd, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } }));

let captured: { texts: Record<string, string>; serialized: Record<string, string> };
let installed: string;
let installedTexts: Record<string, string>;
let host: Host;
let installedHost: Host;

beforeAll(async () => {
  captured = run(program, PROJECT_ROOT);
  host = await startHost();
  installed = installedProject();
  installedTexts = run(userProgram, installed);
  installedHost = await startHost(installed);
});
afterAll(() => {
  host?.stop();
  installedHost?.stop();
  cleanup();
});

const labDpInputs = (provider: string) => ({
  ...labDoc().distributionPoints[0],
  configMgrVersion: "2012 SP1",
  domain: "LAB",
  siteServer: "cm01.lab.local",
  context: { site: { code: "P01", kind: "primary", server: "cm01.lab.local" }, groups: [{ name: "Lab HQ", clients: 18, otherDps: 0, otherClientOsDps: 0 }], sources: [] },
  __provider: provider,
});

describe("the compiled library under plain Node", () => {
  it("serialises every provider, small, requiring the logic by package name", () => {
    expect(Object.keys(captured.texts).sort()).toEqual(
      ["BoundaryGroup", "DistributionPoint", "PrimarySite", "SecondarySite", "Topology"].map((t) => `pulumi-nodejs:dynamic/configmgr:${t}`),
    );
    expect(Object.keys(captured.serialized).sort()).toEqual(
      ["boundaryGroupProvider", "distributionPointProvider", "primarySiteProvider", "secondarySiteProvider", "topologyProvider"],
    );
    for (const text of [...Object.values(captured.texts), ...Object.values(captured.serialized)]) {
      expect(text).toContain('require("pulumi-configmgr/dist/pulumi/provider-logic")');
      expect(text.length).toBeLessThan(3 * 1024);
    }
  });

  it("runs in the real host: the lab passes, the lab on 2403 fails DP-OS-SUPPORTED", async () => {
    const dp = rpc(host, "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/configmgr:DistributionPoint::dist");
    const inputs = labDpInputs(captured.texts["pulumi-nodejs:dynamic/configmgr:DistributionPoint"]);
    expect((await dp.check(inputs)).failures).toEqual([]);
    const failures = (await dp.check({ ...inputs, configMgrVersion: "2403" })).failures;
    expect(failures.map((f) => f.reason.slice(0, 18))).toEqual(["[DP-OS-SUPPORTED] "]);
  });
});

describe("the library installed in a user's project", () => {
  it("stores each provider as a one-line require of its module (a fraction of a KB per resource)", () => {
    const kinds = { BoundaryGroup: "boundary-group", DistributionPoint: "distribution-point", PrimarySite: "primary-site", SecondarySite: "secondary-site", Topology: "topology" };
    expect(Object.keys(installedTexts).sort()).toEqual(Object.keys(kinds).map((t) => `pulumi-nodejs:dynamic/configmgr:${t}`));
    for (const [type, file] of Object.entries(kinds)) {
      const text = installedTexts[`pulumi-nodejs:dynamic/configmgr:${type}`];
      // With the "./dist/*.js" export the serialiser may keep the file's extension; both resolve.
      expect(text).toMatch(new RegExp(`require\\("pulumi-configmgr/dist/pulumi/providers/${file}(\\.js)?"\\)`));
      expect(text.length).toBeLessThan(512);
    }
  });

  it("runs those providers in the host of the user's project: check, create, diff, read, delete", async () => {
    const dp = rpc(installedHost, "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/configmgr:DistributionPoint::user");
    const inputs = labDpInputs(installedTexts["pulumi-nodejs:dynamic/configmgr:DistributionPoint"]);
    const checked = await dp.check(inputs);
    expect(checked.failures).toEqual([]);
    expect(ids((await dp.check({ ...inputs, configMgrVersion: "2403" })).failures)).toEqual(["DP-OS-SUPPORTED"]);
    const { id, outs } = await dp.create(checked.inputs);
    expect(id).toBe("dp:win701.lab.local");
    expect((await dp.diff(id, outs, { ...checked.inputs, description: "x" })).changes).toBe(2);
    expect((await dp.read(id, outs)).props).toEqual(outs);
    await dp.delete(id, outs);
  });
});

const ids = (failures: { reason: string }[]) => failures.map((f) => /^\[([A-Z0-9-]+)\]/.exec(f.reason)?.[1]);
