import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { windowsExit } from "./harness";
import { changing, ESTATES, hostFolders, hostInput, outcome, runHost } from "./matrix";

/**
 * host-prepare against the double, per estate's DP host: create grants and installs exactly the
 * prerequisites; again changes nothing; delete revokes only a grant the library made, and never
 * while other roles of the site remain on the host; a restart Windows asks for survives as 3010.
 */
const LONG = 600_000;
/** The host's %ProgramData%: the double keeps it next to the state file, one folder per host. */
const programData = (statePath: string, computer: string) => join(dirname(statePath), "files", computer, "ProgramData");
const members = (state: any, computer: string) => state.hosts[computer].administrators.members.map((m: any) => m.path);

for (const e of ESTATES) {
  const account = `WinNT://${e.domain}/CM01$`;
  describe(`host-prepare: ${e.name}`, () => {
    it("create, create again, delete", () => {
      const env = hostFolders();
      const create = runHost(e, hostInput(e), "create", e.state(), env);
      expect(create.exitCode, outcome(create)).toBe(0);
      expect(create.result?.status).toBe("changed");
      expect(members(create.state, e.dpComputer)).toContain(account);
      const features = create.state.hosts[e.dpComputer].features;
      const wanted = e.dpOs === "windows-7" ? ["IIS-WebServerRole", "IIS-WMICompatibility", "IIS-Metabase", "MSRDC-Infrastructure"] : ["Web-Server", "Web-WMI", "Web-Metabase", "RDC"];
      for (const f of wanted) expect(features[f], f).toBe("Enabled");
      // Only the prerequisites: a feature nobody asked for stays off.
      expect(features[e.dpOs === "windows-7" ? "TelnetClient" : "Telnet-Client"]).toBe("Disabled");
      expect(readdirSync(join(programData(create.statePath, e.dpComputer), "pulumi-configmgr"))).toEqual([`site-server-admin-${e.domain}-CM01.txt`]);

      const again = runHost(e, hostInput(e), "create", create.statePath, env);
      expect([again.exitCode, again.result?.status], outcome(again)).toEqual([0, "unchanged"]);
      expect(changing(again.calls)).toEqual([]);

      const removed = runHost(e, hostInput(e), "delete", again.statePath, env);
      expect([removed.exitCode, removed.result?.status], outcome(removed)).toEqual([0, "changed"]);
      expect(members(removed.state, e.dpComputer)).not.toContain(account);
      // IIS and RDC stay (other software may use them).
      for (const f of wanted) expect(removed.state.hosts[e.dpComputer].features[f], f).toBe("Enabled");
      expect(existsSync(join(programData(removed.statePath, e.dpComputer), "pulumi-configmgr", `site-server-admin-${e.domain}-CM01.txt`))).toBe(false);
    }, LONG);

    it("delete keeps a membership that was there before the library came", () => {
      const env = hostFolders();
      const create = runHost(e, hostInput(e), "create", e.state({ dpAdminGranted: true }), env);
      expect(create.exitCode, outcome(create)).toBe(0);
      const removed = runHost(e, hostInput(e), "delete", create.statePath, env);
      expect([removed.exitCode, removed.result?.status], outcome(removed)).toEqual([0, "unchanged"]);
      expect(removed.result?.detail).toMatch(/not added by this library/);
      expect(members(removed.state, e.dpComputer)).toContain(account);
    }, LONG);

    it("delete keeps the grant while another role of the site remains on the host", () => {
      const env = hostFolders();
      const s = e.state();
      s.siteSystems.push({ server: e.dpServer, siteCode: "P01", roles: ["SMS Management Point"], proxy: null, account: null, id: 99 });
      const create = runHost(e, hostInput(e), "create", s, env);
      expect(create.exitCode, outcome(create)).toBe(0);
      const removed = runHost(e, hostInput(e), "delete", create.statePath, env);
      expect([removed.exitCode, removed.result?.status], outcome(removed)).toEqual([0, "unchanged"]);
      expect(removed.result?.detail).toMatch(/site roles remain on this host \(.*SMS Management Point/);
      expect(members(removed.state, e.dpComputer)).toContain(account);
    }, LONG);

    it("a restart Windows asks for ends with 3010 and a clear result; the OS tool's failure ends failed, naming its log", () => {
      const env = hostFolders();
      const s = e.state();
      s.hosts[e.dpComputer].restartFeatures = e.dpOs === "windows-7" ? ["IIS-WebServerRole"] : ["Web-Server"];
      const reboot = runHost(e, hostInput(e), "create", s, env);
      expect(reboot.exitCode, outcome(reboot)).toBe(windowsExit(3010));
      expect(reboot.result?.status).toBe("reboot-required");
      expect(reboot.result?.detail).toMatch(/reboot .* and run pulumi up again/);
      const broken = e.state();
      delete broken.hosts[e.dpComputer].features[e.dpOs === "windows-7" ? "IIS-WindowsAuthentication" : "Web-Windows-Auth"];
      const failed = runHost(e, hostInput(e), "create", broken, env);
      expect([failed.exitCode, failed.result?.status], outcome(failed)).toEqual([1, "failed"]);
      expect(failed.result?.detail).toMatch(/prepareHost: false/);
    }, LONG);
  });
}
