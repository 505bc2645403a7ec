import { describe, expect, it } from "vitest";
import { changing, dpDoc, ESTATES, groupInput, hostFolders, hostInput, outcome, roleInput, runGroup, runHost, runRole } from "./matrix";

/**
 * boundary-group against the double, per estate: the group, its boundaries and its DPs; on 2012
 * SP1/R2 (no site-system parameters on Set-CMBoundaryGroup) the DP joins and leaves through
 * Set-CMDistributionPoint; names with * ? [ stay literal.
 */
const LONG = 600_000;
const group = (state: any, name: string) => (state.boundaryGroups ?? []).find((g: any) => g.name === name);

for (const e of ESTATES) {
  describe(`boundary-group: ${e.name}`, () => {
    it("create, again, a boundary and a DP changed alone, delete", () => {
      const env = hostFolders();
      const host = runHost(e, hostInput(e), "create", e.state(), env);
      // A look-alike group that a wildcard match would also hit.
      const s = host.state;
      const first = runGroup(e, groupInput(e, { siteSystems: undefined }), "create", s, env);
      expect(first.exitCode, outcome(first)).toBe(0);
      const role = runRole(e, roleInput(e, dpDoc(e, { boundaryGroups: [] })), "create", first.statePath, env);
      expect(role.exitCode, outcome(role)).toBe(0);
      const other = runGroup(e, groupInput(e, { name: `${e.group} other`, boundaries: [{ ipSubnet: "10.99.0.0/16" }], siteSystems: [] }), "create", role.statePath, env);
      expect(other.exitCode, outcome(other)).toBe(0);

      const attach = runGroup(e, groupInput(e), "update", other.statePath, env);
      expect([attach.exitCode, attach.result?.status], outcome(attach)).toEqual([0, "changed"]);
      expect(group(attach.state, e.group).siteSystems.map((x: any) => x.server)).toEqual([e.dpServer]);
      expect(group(attach.state, `${e.group} other`).siteSystems).toEqual([]);
      const how = attach.calls.filter((c) => /^Set-CM/.test(c.command)).map((c) => c.command);
      expect(how).toEqual([e.version.startsWith("2012") ? "Set-CMDistributionPoint" : "Set-CMBoundaryGroup"]);

      const again = runGroup(e, groupInput(e), "create", attach.statePath, env);
      expect([again.exitCode, again.result?.status], outcome(again)).toEqual([0, "unchanged"]);
      expect(changing(again.calls)).toEqual([]);

      const reboundary = runGroup(e, groupInput(e, { boundaries: [{ ipSubnet: "10.2.0.0/16" }] }), "update", again.statePath, env);
      expect(reboundary.exitCode, outcome(reboundary)).toBe(0);
      expect(group(reboundary.state, e.group).siteSystems.map((x: any) => x.server)).toEqual([e.dpServer]);
      const values = (ids: number[], st: any) => ids.map((id) => st.boundaries.find((b: any) => b.id === id).value);
      expect(values(group(reboundary.state, e.group).boundaries, reboundary.state)).toEqual(["10.2.0.0"]);
      // The library's own boundary that no group uses any more is deleted; the other group's stays.
      expect(reboundary.state.boundaries.map((b: any) => b.value).sort()).toEqual(["10.2.0.0", "10.99.0.0"]);

      const detach = runGroup(e, groupInput(e, { boundaries: [{ ipSubnet: "10.2.0.0/16" }], siteSystems: [] }), "update", reboundary.statePath, env);
      expect(detach.exitCode, outcome(detach)).toBe(0);
      expect(group(detach.state, e.group).siteSystems).toEqual([]);

      const removed = runGroup(e, groupInput(e), "delete", detach.statePath, env);
      expect([removed.exitCode, removed.result?.status], outcome(removed)).toEqual([0, "changed"]);
      expect(removed.state.boundaryGroups.map((g: any) => g.name)).toEqual([`${e.group} other`]);
      expect(removed.state.boundaries.map((b: any) => b.value)).toEqual(["10.99.0.0"]);
    }, LONG);
  });
}
