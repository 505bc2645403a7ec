import { describe, expect, it } from "vitest";
import { localAdminData, siteServerAccount } from "../../lib/scripts/local-admin";
import { ps1Text } from "../../lib/scripts/ps1-files";

describe("siteServerAccount", () => {
  it("is DOMAIN\\FIRSTLABEL$ with the computer name upper-cased", () => {
    expect(siteServerAccount("LAB", "cm01.lab.local")).toBe("LAB\\CM01$");
    expect(siteServerAccount("CONTOSO", "CmSite01.corp.contoso.com")).toBe("CONTOSO\\CMSITE01$");
  });
});

describe("localAdminData", () => {
  it("names the account, its WinNT member path and a marker file name of safe characters only", () => {
    expect(localAdminData("LAB", "cm01.lab.local")).toEqual({ Account: "LAB\\CM01$", Member: "WinNT://LAB/CM01$", SiteServer: "cm01.lab.local", MarkerName: "site-server-admin-LAB-CM01.txt" });
    expect(localAdminData("O'B$(x)", "we`b\u201901.lab.local").MarkerName).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});

describe("local-admin.ps1", () => {
  const text = ps1Text("local-admin.ps1");
  it("finds the Administrators group by SID S-1-5-32-544 through Win32_Group, never by name or Translate()", () => {
    expect(text).toContain("Get-WmiObject -Class Win32_Group -Filter \"LocalAccount = TRUE AND SID = 'S-1-5-32-544'\"");
    expect(text).not.toMatch(/Translate\(|Administrators,group|net(\.exe)? localgroup/i);
  });
  it("writes the marker before it adds, and revokes only with the marker and no site role left", () => {
    const grant = text.slice(text.indexOf("function Grant-SiteServerAdmin"), text.indexOf("function Get-SiteRolesOnHost"));
    expect(grant.indexOf("Set-Content -LiteralPath $marker")).toBeLessThan(grant.indexOf("$admins.Add("));
    const revoke = text.slice(text.indexOf("function Revoke-SiteServerAdmin"));
    expect(revoke.indexOf("Test-Path -LiteralPath $marker")).toBeLessThan(revoke.indexOf("Get-SiteRolesOnHost"));
    expect(revoke.indexOf("Get-SiteRolesOnHost")).toBeLessThan(revoke.indexOf("$admins.Remove("));
  });
});
