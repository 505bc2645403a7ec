import { describe, expect, it } from "vitest";
import { primarySiteConfig, primarySiteVerifyScript, SITE_BUILDS } from "../../lib/scripts/primary-site";
import { ACCEPTED_VERSIONS } from "../../lib/topology/version";
import { commands, expectSiteScriptOk } from "./site-script-checks";

const input = (version: string) => ({ version, siteCode: "P01", server: "cm01.contoso.com" });

describe("primarySiteVerifyScript", () => {
  it("parses for every accepted version, and only reads", async () => {
    for (const version of ACCEPTED_VERSIONS) {
      const cmds = await expectSiteScriptOk(primarySiteVerifyScript(input(version)));
      expect(cmds.filter((c) => /^(New|Set|Remove|Add)-CM/.test(c.name)), version).toEqual([]);
    }
  });

  it("knows a distinct, increasing build number for every accepted version", () => {
    const builds = ACCEPTED_VERSIONS.map((label) => SITE_BUILDS[label]);
    expect(builds.every((b) => Number.isInteger(b))).toBe(true);
    for (let i = 1; i < builds.length; i++) expect(builds[i], ACCEPTED_VERSIONS[i]).toBeGreaterThan(builds[i - 1]);
    expect(SITE_BUILDS["2012 SP1"]).toBe(7804);
    expect(SITE_BUILDS["1902"]).toBe(8790);
    expect(SITE_BUILDS["2403"]).toBe(9128);
  });

  it("expects the declared version's build and checks type and server", async () => {
    const c = primarySiteConfig(input("2403")) as Record<string, any>;
    expect(c).toMatchObject({ ExpectedBuild: 9128, Declared: "2403", SiteCode: "P01", SiteServer: "cm01.contoso.com" });
    expect(c.KnownBuilds.B7804).toBe("2012 SP1");
    const script = primarySiteVerifyScript(input("2403"));
    expect(script).toContain("if ([int]$site.Type -ne 2)");
    const get = (await commands(script)).filter((c) => c.name === "Get-CMSite");
    expect(get.map((c) => c.text)).toEqual(["Get-CMSite -SiteCode $siteCode -ErrorAction Stop"]);
    expect((primarySiteConfig(input("2012 sp1")) as Record<string, any>).ExpectedBuild).toBe(7804);
  });

  it("refuses an unknown version label", () => {
    expect(() => primarySiteVerifyScript(input("2099"))).toThrow(/unknown configMgrVersion/);
  });
});
