import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { primarySiteVerifyScript } from "../../lib/scripts/primary-site";
import { secondarySiteScript } from "../../lib/scripts/secondary-site";
import type { ScriptAction, SecondarySiteInput } from "../../lib/scripts/types";
import type { LabState } from "../labdouble/seed";
import { editState, type LabCall, type RunResult, runStep } from "./harness";
import { dpDoc, ESTATES, type Estate, groupInput, hostFolders, hostInput, outcome, roleInput, runGroup, runHost, runRole } from "./matrix";

/**
 * The README's promise for a failed create ("When a step fails"): Pulumi records nothing, the next
 * `pulumi up` runs the create again on what the failed attempt left, and the script finishes (or
 * cleans up) that partial work. Per step with a create action: a transient failure injected into
 * the double after the first side effect (test/labdouble/README.md, "Faults"); the failed run
 * exits 1 with a failed result line; the fault is cleared and create runs again on the state file
 * the failure left. That run ends in the state a clean create gives (the double's objects
 * compared, IDs and clocks aside), creates nothing the failed run already made, and says what it
 * did.
 */
const LONG = 600_000;
const estate = (version: string): Estate => ESTATES.find((e) => e.version === version)!;
const LAB = ESTATES[0];

const withFaults = (state: LabState, faults: unknown[]): LabState => ({ ...structuredClone(state), faults });
const clearFaults = (r: RunResult): string => editState(r.statePath, (s) => { s.faults = []; });

/** What a call creates or attaches, as a key ("command target"); undefined for other calls. */
function creation(c: LabCall): string | undefined {
  const p = c.parameters as Record<string, any>;
  const target = p.SiteSystemServerName ?? p.Name ?? p.Value ?? p.SecondarySiteCode ?? p.member ?? p.FeatureName ?? p.arguments;
  if (c.command === "[ADSI].Add") return `${c.command} ${p.member}`;
  if (c.command === "dism.exe") return (p.arguments as string[]).includes("/Enable-Feature") ? `dism.exe ${(p.arguments as string[]).join(" ")}` : undefined;
  if (/^(Install-WindowsFeature|Add-WindowsFeature|Enable-WindowsOptionalFeature)$/.test(c.command)) return `${c.command} ${[].concat(target).join(",")}`;
  if (c.kind !== "configmgr" || /^New-CM(Schedule|InstallationSourceFile|SqlServerSetting)$/.test(c.command)) return undefined;
  if (c.command === "Add-CMBoundaryToGroup") return `${c.command} ${p.BoundaryGroupId}/${p.BoundaryId}`;
  if (/^(New|Add)-/.test(c.command)) return `${c.command} ${target}`;
  // Attaching a DP to a group is a creation too (a link).
  if (c.command === "Set-CMBoundaryGroup" && p.AddSiteSystemServerName) return `attach ${[].concat(p.AddSiteSystemServerName).join(",")} to group ${p.Id}`;
  if (c.command === "Set-CMDistributionPoint" && p.AddBoundaryGroupName) return `attach ${p.SiteSystemServerName} to ${[].concat(p.AddBoundaryGroupName).join(",")}`;
  return undefined;
}
const creations = (calls: readonly LabCall[]) => calls.map(creation).filter((x): x is string => x !== undefined);
/** What a run really created: a call failed 'before' by a fault made nothing. */
const effective = (calls: readonly LabCall[]) => creations(calls.filter((c: any) => c.fault !== "before"));

/**
 * The failed run, then the re-run after the fault is cleared, against a clean create from the same
 * start: the re-run creates nothing the failed run made, and both together create exactly what the
 * clean create does.
 */
function expectNoDuplicateCreation(failed: RunResult, rerun: RunResult, clean: RunResult) {
  const before = effective(failed.calls);
  const again = creations(rerun.calls);
  expect(again.filter((k) => before.includes(k)), "created again").toEqual([]);
  expect([...before, ...again].sort()).toEqual(creations(clean.calls).sort());
}

function expectFailed(r: RunResult, detail: RegExp, secrets: readonly string[] = []) {
  expect([r.exitCode, r.result?.status], outcome(r)).toEqual([1, "failed"]);
  expect(r.resultLines).toBe(1);
  expect(r.result?.detail).toMatch(detail);
  for (const s of secrets) {
    expect(r.stdout).not.toContain(s);
    expect(r.stderr).not.toContain(s);
  }
}

const without = <T extends Record<string, any>>(o: T, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

// --- host prepare ----------------------------------------------------------------------------------

const programData = (statePath: string, computer: string) => join(dirname(statePath), "files", computer, "ProgramData", "pulumi-configmgr");
const hostView = (r: RunResult, computer: string) => ({
  admins: r.state.hosts[computer].administrators.members.map((m: any) => m.path).sort(),
  features: r.state.hosts[computer].features,
  markers: existsSync(programData(r.statePath, computer)) ? readdirSync(programData(r.statePath, computer)).sort() : [],
});

describe("partial create: host prepare", () => {
  const cases: [Estate, string, RegExp][] = [
    [LAB, "dism.exe", /dism\.exe \/Enable-Feature exited with 1726 .*dism\.log.*remote procedure call failed/],
    [estate("2509"), "Install-WindowsFeature", /Installation of one or more roles, role services, or features failed/],
  ];
  for (const [e, command, detail] of cases) {
    it(`${e.name}: granted, then ${command} fails; create again installs the features, no second grant`, () => {
      const env = hostFolders();
      const clean = runHost(e, hostInput(e), "create", e.state(), env);
      expect([clean.exitCode, clean.result?.status], outcome(clean)).toEqual([0, "changed"]);

      const failed = runHost(e, hostInput(e), "create", withFaults(e.state(), [{ command }]), env);
      expectFailed(failed, detail);
      // The first side effect happened: the grant (and its marker), no feature.
      expect(hostView(failed, e.dpComputer).admins).toContain(`WinNT://${e.domain}/CM01$`);
      expect(hostView(failed, e.dpComputer).markers).toEqual(hostView(clean, e.dpComputer).markers);
      expect(hostView(failed, e.dpComputer).features).toEqual(e.state().hosts[e.dpComputer].features);

      const rerun = runHost(e, hostInput(e), "create", clearFaults(failed), env);
      expect([rerun.exitCode, rerun.result?.status], outcome(rerun)).toEqual([0, "changed"]);
      expect(rerun.result?.detail).toMatch(/: enabled .*(IIS-WebServerRole|Web-Server)/);
      expect(rerun.result?.detail).not.toMatch(/added to local Administrators/);
      expect(hostView(rerun, e.dpComputer)).toEqual(hostView(clean, e.dpComputer));
      expectNoDuplicateCreation(failed, rerun, clean);
    }, LONG);
  }

  it(`${LAB.name}: dism.exe enabled the features and then failed; create again finds them enabled and changes nothing`, () => {
    const e = LAB;
    const env = hostFolders();
    const clean = runHost(e, hostInput(e), "create", e.state(), env);
    const failed = runHost(e, hostInput(e), "create", withFaults(e.state(), [{ command: "dism.exe", when: "after" }]), env);
    expectFailed(failed, /dism\.exe \/Enable-Feature exited with 1726/);
    const rerun = runHost(e, hostInput(e), "create", clearFaults(failed), env);
    expect([rerun.exitCode, rerun.result?.status], outcome(rerun)).toEqual([0, "unchanged"]);
    expect(rerun.result?.detail).toMatch(/already prepared/);
    expect(hostView(rerun, e.dpComputer)).toEqual(hostView(clean, e.dpComputer));
    expectNoDuplicateCreation(failed, rerun, clean);
  }, LONG);
});

// --- DP role ---------------------------------------------------------------------------------------

const PXE_SECRET = "Partial-Cr3ate-PXE";
const dpView = (state: LabState, e: Estate) => {
  const dp = state.distributionPoints.find((d: any) => d.server === e.dpServer);
  // The validation schedule starts today at the declared time: only the date part may differ between runs.
  const settings = dp && JSON.parse(JSON.stringify(dp.settings).replace(/Start=\\"\d{4}-\d{2}-\d{2}T/g, 'Start=\\"<today>T'));
  return {
    siteSystem: without(state.siteSystems.find((s: any) => s.server === e.dpServer), "id"),
    dp: dp && { ...without(dp, "id", "job", "settings"), settings, job: dp.job && without(dp.job, "nextAt") },
    groups: state.boundaryGroups.filter((g: any) => g.siteSystems.some((s: any) => s.server === e.dpServer)).map((g: any) => g.name),
  };
};

describe("partial create: DP role", () => {
  for (const e of [LAB, estate("2509")]) {
    it(`${e.name}: Add-CMDistributionPoint fails after the site system; Set-CMDistributionPoint fails after the role; the role's reply is lost; the readiness wait times out: create again finishes each`, () => {
      const env = hostFolders();
      const host = runHost(e, hostInput(e), "create", e.state(), env);
      const group = runGroup(e, groupInput(e, { siteSystems: undefined }), "create", host.statePath, env);
      expect(group.exitCode, outcome(group)).toBe(0);
      const base = group.state;
      // Settings the provider does not report back: the validation schedule and priority, and (on a server DP) the PXE password.
      const server = e.dpOs !== "windows-7";
      const dp = dpDoc(e, {
        contentValidation: { schedule: { recur: "weekly", day: "sunday", at: "02:00" }, priority: "high" },
        ...(server ? { pxe: { enabled: true, passwordSecret: "pxe" } } : {}),
      });
      const input = roleInput(e, dp, { readinessTimeoutMinutes: 10, ...(server ? { pxePassword: PXE_SECRET } : {}) });
      const secrets = server ? [PXE_SECRET] : [];
      const clean = runRole(e, input, "create", base, env);
      expect([clean.exitCode, clean.result?.status], outcome(clean)).toEqual([0, "changed"]);
      expect(dpView(clean.state, e).dp.installed).toBe(true);

      const scenarios: [string, unknown[], RegExp, RegExp][] = [
        ["Add-CMDistributionPoint fails", [{ command: "Add-CMDistributionPoint", error: "provider" }], /The SMS Provider reported an error/, /distribution point role added/],
        ["Set-CMDistributionPoint fails after the role was added", [{ command: "Set-CMDistributionPoint" }], /^Generic failure$/, /settings an earlier attempt left unapplied/],
        ["Add-CMDistributionPoint adds the role, then fails", [{ command: "Add-CMDistributionPoint", when: "after" }], /^Generic failure$/, /settings an earlier attempt left unapplied/],
        ["DistMgr stalls: the readiness wait times out", [{ component: "DistMgr", target: e.dpServer }], /not installed after 10 minutes: no DistMgr status message 2399/, /no change; installed and ready/],
      ];
      for (const [name, faults, failure, done] of scenarios) {
        const failed = runRole(e, input, "create", withFaults(base, faults), env);
        expectFailed(failed, failure, secrets);
        // The first side effect is there: the site system server.
        expect(dpView(failed.state, e).siteSystem, name).toEqual(dpView(clean.state, e).siteSystem);
        const rerun = runRole(e, input, "create", clearFaults(failed), env);
        expect([rerun.exitCode, rerun.result?.status], `${name}: ${outcome(rerun)}`).toEqual([0, name.startsWith("DistMgr") ? "unchanged" : "changed"]);
        expect(rerun.resultLines).toBe(1);
        expect(rerun.result?.detail, name).toMatch(done);
        expect(rerun.result?.detail, name).toMatch(/installed and ready$/);
        for (const s of secrets) expect(rerun.stdout + rerun.stderr).not.toContain(s);
        expect(dpView(rerun.state, e), name).toEqual(dpView(clean.state, e));
        expectNoDuplicateCreation(failed, rerun, clean);
        // Nothing is left over for the next run: create again is a plain re-run.
        const again = runRole(e, input, "create", rerun.statePath, env);
        expect([again.exitCode, again.result?.status], `${name}: ${outcome(again)}`).toEqual([0, "unchanged"]);
      }
    }, LONG);
  }
});

// --- boundary group --------------------------------------------------------------------------------

const groupView = (state: LabState, name: string) => {
  const g = state.boundaryGroups.find((x: any) => x.name === name);
  const boundary = (id: number) => without(state.boundaries.find((b: any) => b.id === id), "id");
  return g && { ...without(g, "id", "boundaries"), boundaries: g.boundaries.map(boundary).sort((a: any, b: any) => a.value.localeCompare(b.value)) };
};

describe("partial create: boundary group", () => {
  for (const e of [estate("2012 R2 SP1"), estate("2509")]) {
    it(`${e.name}: the group exists but a New-CMBoundary, the DP assignment, or the group's own reply fails: create again finishes it`, () => {
      const env = hostFolders();
      const host = runHost(e, hostInput(e), "create", e.state(), env);
      const role = runRole(e, roleInput(e, dpDoc(e, { boundaryGroups: [] })), "create", host.statePath, env);
      expect(role.exitCode, outcome(role)).toBe(0);
      const base = role.state;
      const input = groupInput(e, { description: "Head office", boundaries: [{ ipSubnet: e.subnet }, { ipRange: "10.9.0.1-10.9.0.99" }] });
      const clean = runGroup(e, input, "create", base, env);
      expect([clean.exitCode, clean.result?.status], outcome(clean)).toEqual([0, "changed"]);
      expect(groupView(clean.state, e.group).siteSystems.map((s: any) => s.server)).toEqual([e.dpServer]);
      const attach = e.version.startsWith("2012") ? "Set-CMDistributionPoint" : "Set-CMBoundaryGroup";

      const scenarios: [string, unknown[], RegExp, RegExp][] = [
        ["the second New-CMBoundary fails", [{ command: "New-CMBoundary", call: 2 }], /^Generic failure$/, /^[^:]+: boundary created 10\.9\.0\.1-10\.9\.0\.99; boundary added 10\.9\.0\.1-10\.9\.0\.99; site systems attached/],
        [`the DP assignment (${attach}) fails`, [{ command: attach, error: "rpc" }], /RPC server is unavailable/, /^[^:]+: site systems attached [^;]+$/],
        ["New-CMBoundaryGroup creates the group, then fails", [{ command: "New-CMBoundaryGroup", when: "after" }], /^Generic failure$/, /^[^:]+: boundary created .*site systems attached/],
      ];
      for (const [name, faults, failure, done] of scenarios) {
        const failed = runGroup(e, input, "create", withFaults(base, faults), env);
        expectFailed(failed, failure);
        expect(groupView(failed.state, e.group), name).toBeDefined();
        const rerun = runGroup(e, input, "create", clearFaults(failed), env);
        expect([rerun.exitCode, rerun.result?.status], `${name}: ${outcome(rerun)}`).toEqual([0, "changed"]);
        expect(rerun.result?.detail.replace(`${e.group}: `, "x: "), name).toMatch(done);
        expect(groupView(rerun.state, e.group), name).toEqual(groupView(clean.state, e.group));
        expect(rerun.state.boundaries.map((b: any) => without(b, "id")), name).toEqual(clean.state.boundaries.map((b: any) => without(b, "id")));
        expectNoDuplicateCreation(failed, rerun, clean);
      }
    }, LONG);
  }
});

// --- secondary site --------------------------------------------------------------------------------

const secondaryInput = (version: string): SecondarySiteInput => ({
  version, parentSiteCode: "P01", parentServer: "cm01.contoso.com", siteCode: "S01", name: "Branch", server: "sec01.contoso.com", readinessTimeoutMinutes: 10,
});
const runSecondary = (i: SecondarySiteInput, action: ScriptAction, state: LabState | string) =>
  runStep("secondary-site", { create: secondarySiteScript(i, "create"), update: secondarySiteScript(i, "update"), delete: secondarySiteScript(i, "delete") }, action, { state, computer: "CM01", env: hostFolders()("CM01") });
const secondaryView = (state: LabState) => ({
  site: (s => s && { ...without(s, "job"), job: s.job && without(s.job, "nextAt") })(state.sites.find((s: any) => s.code === "S01")),
  siteSystems: state.siteSystems.filter((s: any) => s.siteCode === "S01").map((s: any) => without(s, "id")),
  dp: state.distributionPoints.filter((d: any) => d.siteCode === "S01").map((d: any) => ({ ...without(d, "id", "job"), job: d.job && without(d.job, "nextAt") })),
  server: without(state.hosts.SEC01, "siteUninstallAt"),
});

describe("partial create: secondary site", () => {
  const e = estate("2509");
  it(`${e.name}: the install was started but the wait times out; New-CMSecondarySite fails; its reply is lost: create again never starts a second install`, () => {
    const i = secondaryInput(e.version);
    const clean = runSecondary(i, "create", e.state());
    expect([clean.exitCode, clean.result?.status], outcome(clean)).toEqual([0, "changed"]);
    expect(secondaryView(clean.state).site.status).toBe(1);

    const scenarios: [string, unknown[], RegExp, string, RegExp][] = [
      ["setup is slow: the wait times out", [{ component: "SecondarySetup", target: "S01" }], /S01 is not active after 10 minutes \(SMS_Site status 2\)/, "unchanged", /installation an earlier attempt started was under way \(SMS_Site status 2\); waited until active/],
      ["New-CMSecondarySite fails", [{ command: "New-CMSecondarySite" }], /^Generic failure$/, "changed", /secondary site installation started; active/],
      ["New-CMSecondarySite starts setup, then fails", [{ command: "New-CMSecondarySite", when: "after", error: "provider" }], /The SMS Provider reported an error/, "unchanged", /installation an earlier attempt started was under way/],
    ];
    for (const [name, faults, failure, status, done] of scenarios) {
      const failed = runSecondary(i, "create", withFaults(e.state(), faults));
      expectFailed(failed, failure);
      const rerun = runSecondary(i, "create", clearFaults(failed));
      expect([rerun.exitCode, rerun.result?.status], `${name}: ${outcome(rerun)}`).toEqual([0, status]);
      expect(rerun.result?.detail, name).toMatch(done);
      expect(secondaryView(rerun.state), name).toEqual(secondaryView(clean.state));
      expectNoDuplicateCreation(failed, rerun, clean);
      expect(rerun.calls.filter((c) => c.command === "New-CMSecondarySite").length + effective(failed.calls).filter((k) => k.startsWith("New-CMSecondarySite")).length, name).toBe(1);
    }
  }, LONG);

  it(`${e.name}: the limit the README names: setup itself failed (SMS_Site status 3): create again fails at once, naming the retry, and installs nothing`, () => {
    const i = secondaryInput(e.version);
    const s = e.state();
    // Setup cannot connect: the parent's computer account is not a local admin on the secondary's server.
    s.hosts.SEC01.administrators.members = s.hosts.SEC01.administrators.members.filter((m: any) => !/CM01\$$/i.test(m.path));
    const failed = runSecondary(i, "create", s);
    expectFailed(failed, /failed \(SMS_Site status 3\).*Retry Secondary Site/);
    const rerun = runSecondary(i, "create", failed.statePath);
    expectFailed(rerun, /failed \(SMS_Site status 3\).*Retry Secondary Site/);
    expect(creations(rerun.calls)).toEqual([]);
  }, LONG);
});

// --- primary site verify ---------------------------------------------------------------------------

describe("partial create: primary site verify", () => {
  const e = estate("2509");
  it(`${e.name}: Get-CMSite fails transiently; create again verifies; neither run changes anything`, () => {
    const run = (state: LabState | string) =>
      runStep("primary-site", { create: primarySiteVerifyScript({ version: e.version, siteCode: "P01", server: e.siteServer }) }, "create", { state, computer: "CM01", env: hostFolders()("CM01") });
    const clean = run(e.state());
    const failed = run(withFaults(e.state(), [{ command: "Get-CMSite", error: "rpc" }]));
    expectFailed(failed, /RPC server is unavailable/);
    const rerun = run(clearFaults(failed));
    expect([rerun.exitCode, rerun.result?.status], outcome(rerun)).toEqual([0, "unchanged"]);
    expect(rerun.result?.detail).toBe(clean.result?.detail);
    for (const r of [failed, rerun]) expect(r.calls.filter((c) => c.changing)).toEqual([]);
    expect(without(rerun.state, "calls", "faults", "clock")).toEqual(without(clean.state, "calls", "faults", "clock"));
  }, LONG);
});
