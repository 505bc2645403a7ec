import { describe, expect, it } from "vitest";
import { secondarySiteScript } from "../../lib/scripts/secondary-site";
import type { ScriptAction, SecondarySiteInput } from "../../lib/scripts/types";
import { runStep } from "./harness";
import { changing, ESTATES, hostFolders, outcome } from "./matrix";

/**
 * secondary-site against the double (the estates with a secondary S01 on SEC01): create installs
 * it with its DP and IIS; again changes nothing; delete waits until the server itself finished.
 */
const LONG = 600_000;
const input = (version: string): SecondarySiteInput => ({ version, parentSiteCode: "P01", parentServer: "cm01.contoso.com", siteCode: "S01", name: "Branch", server: "sec01.contoso.com" });
const all = (i: SecondarySiteInput) => ({ create: secondarySiteScript(i, "create"), update: secondarySiteScript(i, "update"), delete: secondarySiteScript(i, "delete") });
const run = (i: SecondarySiteInput, action: ScriptAction, state: any) => runStep("secondary-site", all(i), action, { state, computer: "CM01", env: hostFolders()("CM01") });

for (const e of ESTATES.filter((x) => x.domain === "CONTOSO")) {
  describe(`secondary-site: ${e.name}`, () => {
    it("create with its DP and IIS, again, verify, delete until the server finished", () => {
      const i = input(e.version);
      const create = run(i, "create", e.state());
      expect([create.exitCode, create.result?.status], outcome(create)).toEqual([0, "changed"]);
      const install = create.calls.find((c) => c.command === "New-CMSecondarySite")!;
      expect(install.parameters.InstallInternetServer).toBe(true);
      expect(create.state.sites.find((s: any) => s.code === "S01").status).toBe(1);
      const again = run(i, "create", create.statePath);
      expect([again.exitCode, again.result?.status], outcome(again)).toEqual([0, "unchanged"]);
      expect(changing(again.calls)).toEqual([]);
      const verify = run(i, "update", again.statePath);
      expect([verify.exitCode, verify.result?.status], outcome(verify)).toEqual([0, "unchanged"]);
      const removed = run(i, "delete", verify.statePath);
      expect([removed.exitCode, removed.result?.status], outcome(removed)).toEqual([0, "changed"]);
      // The server finished uninstalling, not only the database reference.
      expect(removed.state.hosts.SEC01.shares.filter((s: string) => s.startsWith("SMS_"))).toEqual([]);
      expect(removed.state.sites.map((s: any) => s.code)).toEqual(["P01"]);
      const removedAgain = run(i, "delete", removed.statePath);
      expect([removedAgain.exitCode, removedAgain.result?.status], outcome(removedAgain)).toEqual([0, "unchanged"]);
    }, LONG);
  });
}
