import { describe, expect, it } from "vitest";
import { windowsExit } from "./harness";
import { changing, dpDoc, ESTATES, groupInput, hostFolders, hostInput, outcome, roleInput, runGroup, runHost, runRole } from "./matrix";

/**
 * dp-role against the double, per estate: create gives exactly the declared DP; create again
 * changes nothing; each reconcilable setting changed alone changes only itself; delete removes the
 * role and the site system it made; each failure mode ends status=failed, exit 1, naming the log.
 */
const LONG = 600_000;
const dpOf = (state: any, server: string) => (state.distributionPoints ?? []).find((d: any) => d.server === server);
/** The DP settings the double holds that differ between two states. */
const settingsDiff = (before: any, after: any, server: string) => {
  const b = dpOf(before, server).settings;
  const a = dpOf(after, server).settings;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
};
const PXE_KEYS = new Set(["enablePxe", "allowPxeResponse", "enableUnknownComputerSupport", "pxeDelay", "udaSetting", "enableNonWdsPxe", "pxePassword"]);
const groupsOf = (state: any, server: string) =>
  (state.boundaryGroups ?? []).filter((g: any) => (g.siteSystems ?? []).some((s: any) => s.server === server)).map((g: any) => g.name);

for (const e of ESTATES) {
  describe(`dp-role: ${e.name}`, () => {
    it("create, create again, each setting alone, delete", () => {
      const env = hostFolders();
      const host = runHost(e, hostInput(e), "create", e.state(), env);
      expect(host.exitCode, outcome(host)).toBe(0);
      const group = runGroup(e, groupInput(e, { siteSystems: undefined }), "create", host.statePath, env);
      expect(group.exitCode, outcome(group)).toBe(0);

      const dp = dpDoc(e, { description: "Branch DP" });
      const create = runRole(e, roleInput(e, dp), "create", group.statePath, env);
      expect(create.exitCode, outcome(create)).toBe(0);
      expect(create.result?.status).toBe("changed");
      expect(create.resultLines).toBe(1);
      const made = dpOf(create.state, e.dpServer);
      expect(made.installed).toBe(true);
      expect(groupsOf(create.state, e.dpServer)).toEqual([e.group]);
      expect(create.state.siteSystems.map((s: any) => s.server)).toContain(e.dpServer);

      const again = runRole(e, roleInput(e, dp), "create", create.statePath, env);
      expect(again.exitCode, outcome(again)).toBe(0);
      expect(again.result?.status, outcome(again)).toBe("unchanged");
      expect(changing(again.calls)).toEqual([]);

      // One reconcilable setting at a time, as pulumi up runs it (the update action, from the same state):
      // only its own part of the double's state changes.
      const variants: [string, Record<string, unknown>, Partial<Record<string, unknown>>, (before: any, after: any) => void][] = [
        ["PXE", { pxe: { enabled: true, unknownComputers: true } }, {}, (b, a) => expect(settingsDiff(b, a, e.dpServer).filter((k) => !PXE_KEYS.has(k))).toEqual([])],
        ["boundary groups", {}, { boundaryGroups: [] }, (b, a) => {
          expect(groupsOf(a, e.dpServer)).toEqual([]);
          expect(settingsDiff(b, a, e.dpServer)).toEqual([]);
        }],
        ["proxy", { proxy: { server: "proxy.lab.local", port: 8080 } }, {}, (b, a) => {
          expect(a.siteSystems.find((x: any) => x.server === e.dpServer).proxy).toMatchObject({ server: "proxy.lab.local", port: 8080 });
          expect(settingsDiff(b, a, e.dpServer)).toEqual([]);
          expect(groupsOf(a, e.dpServer)).toEqual([e.group]);
        }],
        ...(e.version.startsWith("2012")
          ? []
          : [["description", { description: "Changed DP" }, {}, (b: any, a: any) => expect(settingsDiff(b, a, e.dpServer)).toEqual(["description"])] as [string, Record<string, unknown>, Partial<Record<string, unknown>>, (b: any, a: any) => void]]),
      ];
      for (const [name, dpExtra, inputExtra, check] of variants) {
        const run = runRole(e, roleInput(e, dpDoc(e, { description: "Branch DP", ...dpExtra }), inputExtra), "update", again.state, env);
        expect(run.exitCode, `${name}: ${outcome(run)}`).toBe(0);
        expect(run.result?.status, name).toBe("changed");
        expect(run.calls.filter((c) => /^(Add|Remove|New)-/.test(c.command) && c.command !== "New-CMSchedule").map((c) => c.command), name).toEqual([]);
        check(again.state, run.state);
      }
      const regrouped = runRole(e, roleInput(e, dp, { boundaryGroups: [] }), "create", again.statePath, env);
      expect(regrouped.exitCode, outcome(regrouped)).toBe(0);
      expect(groupsOf(regrouped.state, e.dpServer)).toEqual([]);

      const removed = runRole(e, roleInput(e, dp), "delete", regrouped.statePath, env);
      expect(removed.exitCode, outcome(removed)).toBe(0);
      expect(dpOf(removed.state, e.dpServer)?.role ?? false).toBe(false);
      expect(removed.state.siteSystems.map((s: any) => s.server)).not.toContain(e.dpServer);
      // What the library did not make stays: the site server's own site system and the group.
      expect(removed.state.siteSystems.map((s: any) => s.server)).toContain(e.siteServer);
      expect(removed.state.boundaryGroups.map((g: any) => g.name)).toEqual([e.group]);
      const removedAgain = runRole(e, roleInput(e, dp), "delete", removed.statePath, env);
      expect([removedAgain.exitCode, removedAgain.result?.status]).toEqual([0, "unchanged"]);
    }, LONG);

    it("fails (exit 1, naming distmgr.log) without the site server's local admin grant, and again on a re-run with the row and share already there", () => {
      const env = hostFolders();
      const s = e.state({ dpFeatures: "all" });
      const host = s.hosts[e.dpComputer];
      if (e.dpOs === "windows-7") host.features["IIS-WMICompatibility"] = "Disabled";
      else host.features["Web-WMI"] = "Disabled";
      // Granted, but IIS 6 WMI compatibility missing: DistMgr creates the row and the share, never 2399.
      host.administrators.members.push({ path: `WinNT://${e.domain}/CM01$` });
      const dp = dpDoc(e, { boundaryGroups: [] });
      const first = runRole(e, roleInput(e, dp, { readinessTimeoutMinutes: 5 }), "create", s, env);
      expect(first.exitCode, outcome(first)).toBe(windowsExit(1));
      expect(first.result?.status).toBe("failed");
      expect(first.result?.detail).toMatch(/distmgr\.log/);
      const rerun = runRole(e, roleInput(e, dp, { readinessTimeoutMinutes: 5 }), "create", first.statePath, env);
      expect(rerun.exitCode, outcome(rerun)).toBe(1);
      expect(rerun.result?.status).toBe("failed");
      expect(rerun.result?.detail).toMatch(/no DistMgr status message 2399.*provider row: True, SMS_DP\$ share: True/);
    }, LONG);
  });
}
