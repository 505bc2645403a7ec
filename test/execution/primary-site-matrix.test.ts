import { describe, expect, it } from "vitest";
import { primarySiteVerifyScript } from "../../lib/scripts/primary-site";
import { runStep } from "./harness";
import { changing, ESTATES, hostFolders, outcome } from "./matrix";

/** primary-site verify against the double: adopted, never changed; a wrong version fails; 2012 RTM has no module. */
const LONG = 600_000;
const run = (version: string, server: string, state: any) =>
  runStep("primary-site", { create: primarySiteVerifyScript({ version, siteCode: "P01", server }) }, "create", { state, computer: "CM01", env: hostFolders()("CM01") });

for (const e of ESTATES) {
  describe(`primary-site: ${e.name}`, () => {
    it("verifies the declared version, changes nothing, and fails on another version naming the fix", () => {
      const ok = run(e.version, e.siteServer, e.state());
      expect([ok.exitCode, ok.result?.status], outcome(ok)).toEqual([0, "unchanged"]);
      expect(changing(ok.calls)).toEqual([]);
      const wrong = run(e.version === "2403" ? "2509" : "2403", e.siteServer, e.state());
      expect([wrong.exitCode, wrong.result?.status], outcome(wrong)).toEqual([1, "failed"]);
      expect(wrong.result?.detail).toMatch(/correct configMgrVersion or update the site/);
    }, LONG);
  });
}

describe("ConfigMgr 2012 RTM", () => {
  it("has no ConfigurationManager module: the script fails at once with the fix, calling nothing", () => {
    const r = run("2012", "cm01.lab.local", ESTATES[0].state({ version: "2012" }));
    expect([r.exitCode, r.result?.status], outcome(r)).toEqual([1, "failed"]);
    expect(r.result?.detail).toMatch(/^ConfigMgr 2012 has no ConfigurationManager PowerShell module .* SP1/);
    expect(r.calls.filter((c) => c.kind === "configmgr")).toEqual([]);
  }, LONG);
});
