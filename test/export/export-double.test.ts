import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";
import { parseExport } from "../../lib/export/records";
import { exportScript } from "../../lib/export/script";
import { toTopology } from "../../lib/export/to-topology";
import { emitTopologyYaml } from "../../lib/export/emit-yaml";
import { normalizedSettings } from "../../lib/pulumi/provisioning/normalize";
import { validateDocument } from "../../lib/rules/engine";
import type { DistributionPointDoc, OsId } from "../../lib/topology/schema";
import { loadTopologyText } from "../../lib/topology/load";
import { captureIo, writeDoc } from "../cli/helpers";
import { type RunResult, runStep } from "../execution/harness";
import { changing, type Estate, hostFolders, outcome, runGroup, runHost, runRole } from "../execution/matrix";
import { stateFromTopology } from "../labdouble/seed";

/**
 * Export against the lab double (issue 13): a double populated by the library's own steps from a
 * document — the seed's lab (2012 SP1, Windows 7) and 2012 R2 SP1, 2403 and 2509 estates — exported through the
 * library's own command line and stdin, gives back a document that validates and equals the source
 * in every field ConfigMgr and WMI hold; `up` of that document against the same double changes
 * nothing; a drifted double is reported exactly.
 */
const LONG = 900_000;

type Doc = Record<string, any>;

const labDoc = (): Doc => parse(readFileSync(join(__dirname, "..", "..", "examples", "lab", "topology.yaml"), "utf8"));

const estate = (version: string, os: string, edition: string, responderWithoutWds: boolean) => (): Doc => ({
  configMgrVersion: version,
  domain: "CONTOSO",
  primarySites: [{ siteCode: "P01", name: "Contoso primary", server: "cm01.contoso.com", clients: 900 }],
  boundaryGroups: [{ name: "HQ", assignedSite: "P01", clients: 900, boundaries: [{ ipRange: "10.3.0.1-10.3.0.200" }, { ipSubnet: "10.1.0.0/16" }] }],
  distributionPoints: [
    {
      server: "dp01.contoso.com",
      site: "P01",
      os,
      edition,
      architecture: "x64",
      hardware: { cores: 4, memoryGB: 16 },
      disks: [
        { drive: "C", freeGB: 120 },
        { drive: "D", freeGB: 800 },
      ],
      boundaryGroups: ["HQ"],
      storage: { primaryContentLibrary: "D", primaryPackageShare: "D", minimumFreeSpaceMB: 500 },
      clientConnection: "http",
      description: "HQ distribution point",
      pxe: { enabled: true, responderWithoutWds, allowResponse: true, unknownComputers: true, responseDelaySeconds: 2, userDeviceAffinity: "allowWithManualApproval" },
    },
  ],
});

function estateOf(doc: Doc): Estate {
  const dp = doc.distributionPoints[0];
  const site = doc.primarySites[0];
  return {
    name: String(doc.configMgrVersion),
    version: String(doc.configMgrVersion),
    domain: doc.domain,
    siteServer: site.server,
    siteComputer: site.server.split(".")[0].toUpperCase(),
    dpServer: dp.server,
    dpComputer: dp.server.split(".")[0].toUpperCase(),
    dpOs: dp.os as OsId,
    group: doc.boundaryGroups[0].name,
    subnet: "",
    state: () => stateFromTopology(doc),
  };
}

function normalizedDp(dp: Doc): DistributionPointDoc {
  const n = normalizedSettings("distributionPoints", dp);
  if ("problem" in n) throw new Error(n.problem);
  return n.settings as DistributionPointDoc;
}

const groupInputOf = (e: Estate, g: Doc, siteSystems?: string[], adoptOnly = false) => ({
  version: e.version,
  siteCode: "P01",
  siteServer: e.siteServer,
  name: g.name,
  assignedSite: g.assignedSite,
  description: g.description,
  boundaries: g.boundaries,
  siteSystems,
  adoptOnly,
});

/** What `pulumi up` of a document runs against the double, in the engine's order. */
function up(doc: Doc, state: string | Doc, env: ReturnType<typeof hostFolders>, prepare = true, adoptOnly = false): RunResult[] {
  const e = estateOf(doc);
  const dp = normalizedDp(doc.distributionPoints[0]);
  const runs: RunResult[] = [];
  let s: string | Doc = state;
  const step = (r: RunResult) => {
    expect(r.exitCode, outcome(r)).toBe(0);
    runs.push(r);
    s = r.statePath;
  };
  if (prepare) step(runHost(e, { os: e.dpOs, domain: e.domain, siteServer: e.siteServer, dpServer: e.dpServer, installFeatures: true, grantLocalAdmin: true, siteCode: "P01" }, "create", s, env));
  step(runGroup(e, groupInputOf(e, doc.boundaryGroups[0], undefined, adoptOnly), "create", s, env));
  step(runRole(e, { version: e.version, siteCode: "P01", siteServer: e.siteServer, dp, boundaryGroups: dp.boundaryGroups, adoptOnly }, "create", s, env));
  step(runGroup(e, groupInputOf(e, doc.boundaryGroups[0], [e.dpServer], adoptOnly), "update", s, env));
  return runs;
}

function runExport(doc: Doc, statePath: string, env: ReturnType<typeof hostFolders>): RunResult {
  const e = estateOf(doc);
  return runStep("export", { create: exportScript({ siteServer: e.siteServer, siteCode: "P01" }) }, "create", { state: statePath, computer: e.siteComputer, env: env(e.siteComputer) });
}

/** The fields ConfigMgr and WMI hold, for comparing a source document with its export. */
function held(doc: Doc, version: string): Doc {
  const dpFields = ["server", "site", "os", "edition", "architecture", "hardware", "disks", "boundaryGroups", "storage", "clientConnection", "pull", "proxy"];
  // Before 1610 Add-/Set-CMDistributionPoint have no -Description: the lab's description never reaches ConfigMgr.
  if (!version.startsWith("2012")) dpFields.push("description");
  const pick = (o: Doc, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  return {
    configMgrVersion: doc.configMgrVersion,
    domain: doc.domain,
    primarySites: doc.primarySites.map((s: Doc) => pick(s, ["siteCode", "name", "server"])),
    boundaryGroups: doc.boundaryGroups.map((g: Doc) => ({ ...pick(g, ["name", "assignedSite", "description"]), boundaries: [...g.boundaries].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) })),
    distributionPoints: doc.distributionPoints.map((d: Doc) => ({
      ...pick(d, dpFields),
      ...(d.pxe?.enabled ? { pxe: pick(d.pxe, ["enabled", "responderWithoutWds", "allowResponse", "unknownComputers", "responseDelaySeconds", "userDeviceAffinity"]) } : {}),
      ...(d.multicast?.enabled ? { multicast: { enabled: true } } : {}),
    })),
  };
}

for (const [name, source] of [
  ["the seed's lab (2012 SP1, Windows 7)", labDoc],
  ["a 2012 R2 SP1 estate (Server 2012 R2, PXE through WDS, drives D)", estate("2012 R2 SP1", "windows-server-2012-r2", "standard", false)],
  ["a 2403 estate (Server 2022 Datacenter, PXE responder without WDS, drives D)", estate("2403", "windows-server-2022", "datacenter", true)],
  ["a 2509 estate (Server 2025, PXE responder without WDS, drives D)", estate("2509", "windows-server-2025", "standard", true)],
] as const) {
  describe(`export against the lab double: ${name}`, () => {
    it("gives back the source document, which validates; up of the export changes nothing; a hand change is drift", () => {
      const doc = source();
      const env = hostFolders();
      const runs = up(doc, stateFromTopology(doc), env);
      const populated = runs.at(-1)!.statePath;

      const ex = runExport(doc, populated, env);
      expect(ex.exitCode, outcome(ex)).toBe(0);
      expect(changing(ex.calls)).toEqual([]);
      const exported = toTopology(parseExport(ex.stdout), { domain: doc.domain });
      const yaml = emitTopologyYaml(exported, ["test"], "./schema.json");
      const validation = validateDocument(loadTopologyText(yaml, "export.yaml"));
      expect(validation.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
      expect(held(parse(yaml), String(doc.configMgrVersion))).toEqual(held(doc, String(doc.configMgrVersion)));

      // Adopt: the exported document's steps (no host preparation: prepareHost false) change nothing,
      // and in adopt-only mode they pass too.
      const again = up(parse(yaml), populated, env, false);
      expect(again.flatMap((r) => changing(r.calls))).toEqual([]);
      const adopted = up(parse(yaml), populated, env, false, true);
      expect(adopted.map((r) => r.result?.status)).toEqual(["unchanged", "unchanged", "unchanged"]);

      // Drift: a setting changed by hand and a boundary added by hand are named, nothing else.
      const state = JSON.parse(readFileSync(populated, "utf8"));
      const dp = state.distributionPoints[0];
      dp.settings.minimumFreeSpaceMB = 9999;
      const id = Math.max(...state.boundaries.map((b: Doc) => b.id)) + 1;
      state.boundaries.push({ id, type: 3, value: "172.16.0.1-172.16.0.9", name: "by hand" });
      state.boundaryGroups[0].boundaries.push(id);
      writeFileSync(populated, JSON.stringify(state));
      // Adopt only on the drifted estate: the group step fails, names the call it did not make, changes nothing.
      const e = estateOf(doc);
      const refused = runGroup(e, groupInputOf(e, doc.boundaryGroups[0], [e.dpServer], true), "create", populated, env);
      expect([refused.exitCode, refused.result?.status], outcome(refused)).toEqual([1, "failed"]);
      expect(refused.result?.detail).toMatch(/^adopt only: the estate differs from the document, nothing was changed; pulumi up would call Remove-CMBoundaryFromGroup -/);
      expect(changing(refused.calls)).toEqual([]);
      expect(JSON.parse(readFileSync(populated, "utf8")).boundaryGroups[0].boundaries).toContain(id);

      const drifted = runExport(doc, populated, env);
      expect(drifted.exitCode, outcome(drifted)).toBe(0);
      const io = captureIo();
      const code = runCli(["drift", writeDoc(`source-${doc.configMgrVersion}.yaml`, doc), "--from", writeDoc(`drifted-${doc.configMgrVersion}.txt`, drifted.stdout), "--format", "json"], io);
      return Promise.resolve(code).then((c) => {
        expect(c, io.err()).toBe(1);
        const report = JSON.parse(io.out()) as { objects: { ref: string; change: string; fields: { path: string; before?: unknown; after?: unknown }[] }[] };
        const fields = report.objects.map((o) => `${o.ref} ${o.change}: ${o.fields.map((f) => `${f.path} ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join("; ")}`);
        expect(fields).toHaveLength(2);
        expect(fields.find((f) => f.startsWith(`dp:${doc.distributionPoints[0].server}`))).toMatch(/storage\.minimumFreeSpaceMB 9999 → (50|500)/);
        expect(fields.find((f) => f.startsWith(`bg:${doc.boundaryGroups[0].name}`))).toMatch(/172\.16\.0\.1-172\.16\.0\.9/);
      });
    }, LONG);
  });
}
