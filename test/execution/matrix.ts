import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizedSettings } from "../../lib/pulumi/provisioning/normalize";
import { boundaryGroupScript } from "../../lib/scripts/boundary-group";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { BoundaryGroupInput, DpRoleInput, HostPrepInput, ScriptAction } from "../../lib/scripts/types";
import type { DistributionPointDoc, OsId } from "../../lib/topology/schema";
import { estate, labEstate, type LabState } from "../labdouble/seed";
import { type LabCall, type RunResult, runStep } from "./harness";

/**
 * The execution matrix: the library's step scripts, through its own command lines and stdin,
 * against the lab double, for the seed lab (2012 SP1, Windows 7) and estates at 2012 R2 SP1, 2403
 * and 2509. Each estate is one primary P01 on CM01 with one DP.
 */
export interface Estate {
  readonly name: string;
  readonly version: string;
  readonly domain: string;
  readonly siteServer: string;
  readonly siteComputer: string;
  readonly dpServer: string;
  readonly dpComputer: string;
  readonly dpOs: OsId;
  readonly group: string;
  readonly subnet: string;
  state(options?: Parameters<typeof labEstate>[0]): LabState;
}

export const ESTATES: readonly Estate[] = [
  { name: "seed lab (2012 SP1, Windows 7)", version: "2012 SP1", domain: "LAB", siteServer: "cm01.lab.local", siteComputer: "CM01", dpServer: "win701.lab.local", dpComputer: "WIN701", dpOs: "windows-7", group: "Lab HQ", subnet: "192.168.1.0/24", state: (o) => labEstate(o) },
  ...(["2012 R2 SP1", "2403", "2509"] as const).map((version) => ({
    name: `${version} estate`,
    version,
    domain: "CONTOSO",
    siteServer: "cm01.contoso.com",
    siteComputer: "CM01",
    dpServer: "dp01.contoso.com",
    dpComputer: "DP01",
    dpOs: (version.startsWith("2012") ? "windows-server-2012-r2" : "windows-server-2022") as OsId,
    // Wildcard characters stay literal from 1706 on (by ID / WQL '='); 2012 attaches by name only and refuses them.
    group: version.startsWith("2012") ? "HQ" : "HQ [1]*",
    subnet: "10.1.0.0/16",
    state: (o?: Parameters<typeof estate>[1]) => estate(version, o),
  })),
];

/** The DP as the role step receives it (parsed, defaulted, normalised), with `extra` fields. */
export function dpDoc(e: Estate, extra: Record<string, unknown> = {}): DistributionPointDoc {
  const decl = {
    server: e.dpServer,
    site: "P01",
    os: e.dpOs,
    edition: e.dpOs === "windows-7" ? "enterprise" : "standard",
    architecture: "x64",
    hardware: { cores: 4, memoryGB: 16 },
    boundaryGroups: [e.group],
    ...extra,
  };
  const n = normalizedSettings("distributionPoints", decl);
  if ("problem" in n) throw new Error(n.problem);
  return n.settings as DistributionPointDoc;
}

export const roleInput = (e: Estate, dp: DistributionPointDoc, extra: Partial<DpRoleInput> = {}): DpRoleInput => ({
  version: e.version,
  siteCode: "P01",
  siteServer: e.siteServer,
  dp,
  boundaryGroups: dp.boundaryGroups,
  ...extra,
});

export const hostInput = (e: Estate, extra: Partial<HostPrepInput> = {}): HostPrepInput => ({
  os: e.dpOs,
  domain: e.domain,
  siteServer: e.siteServer,
  dpServer: e.dpServer,
  installFeatures: true,
  grantLocalAdmin: true,
  siteCode: "P01",
  ...extra,
});

export const groupInput = (e: Estate, extra: Partial<BoundaryGroupInput> = {}): BoundaryGroupInput => ({
  version: e.version,
  siteCode: "P01",
  siteServer: e.siteServer,
  name: e.group,
  assignedSite: "P01",
  boundaries: [{ ipSubnet: e.subnet }],
  siteSystems: [e.dpServer],
  ...extra,
});

const all = (gen: (a: ScriptAction) => string, deletes = true) =>
  deletes ? { create: gen("create"), update: gen("update"), delete: gen("delete") } : { create: gen("create"), update: gen("update") };

/**
 * Per-host ProgramData folders for a run outside the double's own (its Start.ps1 gives each host
 * its %ProgramData% next to the state file, which takes precedence).
 */
export function hostFolders(): (computer: string) => Record<string, string> {
  const root = mkdtempSync(join(tmpdir(), "hosts-"));
  return (computer) => {
    const dir = join(root, computer);
    mkdirSync(dir, { recursive: true });
    return { ProgramData: dir };
  };
}

export type Env = (computer: string) => Record<string, string>;

export function runHost(e: Estate, input: HostPrepInput, action: ScriptAction, state: LabState | string, env: Env): RunResult {
  return runStep("host-prepare", all((a) => hostPrepareScript(input, a)), action, { state, computer: e.dpComputer, env: env(e.dpComputer) });
}
export function runRole(e: Estate, input: DpRoleInput, action: ScriptAction, state: LabState | string, env: Env): RunResult {
  return runStep("dp-role", all((a) => dpRoleScript(input, a)), action, { state, computer: e.siteComputer, env: env(e.siteComputer) });
}
export function runGroup(e: Estate, input: BoundaryGroupInput, action: ScriptAction, state: LabState | string, env: Env): RunResult {
  return runStep("boundary-group", all((a) => boundaryGroupScript(input, a)), action, { state, computer: e.siteComputer, env: env(e.siteComputer) });
}

/** Calls that change something: Set-/Add-/Remove-/New- cmdlets and Windows-changing calls. */
/** Builders of parameter objects, which change nothing. */
const BUILDERS = new Set(["New-CMSchedule", "New-CMInstallationSourceFile", "New-CMSqlServerSetting"]);
export const changing = (calls: readonly LabCall[]): string[] =>
  calls.filter((c) => !BUILDERS.has(c.command) && (c.changing || /^(Set|Add|Remove|New|Install|Enable|Uninstall)-/.test(c.command))).map((c) => `${c.command} ${Object.keys(c.parameters).sort().join(",")}`);

/** The run's one result line and exit status, for failure messages. */
export const outcome = (r: RunResult) => `${r.exitCode} ${r.result?.line ?? "<no result line>"}\n${r.stderr.slice(0, 2000)}`;
