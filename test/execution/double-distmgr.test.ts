import { describe, expect, it } from "vitest";
import { estate, labEstate } from "../labdouble/seed";
import { probe } from "./double-support";

/**
 * DistMgr as the double simulates it: after Add-CMDistributionPoint the DP goes through the real
 * order of steps over several polls — provider row, SMS_DP$ share, IIS, WMI provider, virtual
 * directories, then status message 2399 — and fails the way a site fails (no 2399) when the site
 * server is not a local admin on the host or IIS 6 compatibility is missing. Time passes only
 * with Start-Sleep (instantly), so polls are counted, never timed.
 */

const POLL = [
  "$log = @()",
  "for ($i = 1; $i -le 15; $i++) {",
  "  $row = @(Get-WmiObject -ComputerName cm01.lab.local -Namespace root\\SMS\\site_P01 -Class SMS_DistributionPointInfo -Filter \"ServerName = 'win701.lab.local'\").Count -gt 0",
  "  $share = Test-Path -LiteralPath 'FileSystem::\\\\win701.lab.local\\SMS_DP$'",
  "  $done = $false",
  "  foreach ($m in @(Get-WmiObject -ComputerName cm01.lab.local -Namespace root\\SMS\\site_P01 -Class SMS_StatusMessage -Filter \"MessageID = 2399 AND Component = 'SMS_DISTRIBUTION_MANAGER'\")) {",
  "    foreach ($s in @(Get-WmiObject -ComputerName cm01.lab.local -Namespace root\\SMS\\site_P01 -Class SMS_StatMsgInsStrings -Filter ('RecordID = ' + $m.RecordID))) { if ($s.InsStrValue -eq 'win701.lab.local') { $done = $true } }",
  "  }",
  "  $log += ('{0}{1}{2}' -f [int]$row, [int]$share, [int]$done)",
  "  if ($done) { break }",
  "  Start-Sleep -Seconds 30",
  "}",
  "$probe['polls'] = $log",
].join("\n");

const ADD = [
  "New-CMSiteSystemServer -ServerName win701.lab.local -SiteCode P01 | Out-Null",
  "Add-CMDistributionPoint -SiteSystemServerName win701.lab.local -SiteCode P01 -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -MinimumFreeSpaceMB 50 | Out-Null",
  "$probe['roleAtOnce'] = [bool](Get-CMDistributionPoint -SiteSystemServerName win701.lab.local -SiteCode P01)",
].join("\n");

const messages = "$probe['messages'] = @(Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_StatusMessage | ForEach-Object { [int]$_.MessageID })";

describe("DistMgr in the double", () => {
  it("installs over several polls: row, then share, then 2399 last", () => {
    const { results, state } = probe(labEstate({ dpFeatures: "all", dpAdminGranted: true }), "CM01", `${ADD}\n${POLL}`);
    expect(results.roleAtOnce).toBe(true);
    const polls: string[] = results.polls;
    expect(polls.at(-1)).toBe("111");
    expect(polls.length).toBeGreaterThanOrEqual(4);
    // Never 2399 before the share, never the share before the row.
    const firstRow = polls.findIndex((p) => p[0] === "1");
    const firstShare = polls.findIndex((p) => p[1] === "1");
    const first2399 = polls.findIndex((p) => p[2] === "1");
    expect(firstRow).toBeLessThan(firstShare);
    expect(firstShare).toBeLessThan(first2399);
    // A window in which row and share exist but the DP is not installed (what a re-run must not accept).
    expect(polls).toContain("110");
    const log = state.logs["distmgr.log"].join("\n");
    expect(log).toMatch(/Successfully created share SMS_DP\$[\s\S]*Successfully installed DP WMI provider[\s\S]*Configure IIS virtual directories successfully/);
  });

  it("never raises 2399 when the site server's account is not a local admin on the host", () => {
    const { results, state } = probe(labEstate({ dpFeatures: "all", dpAdminGranted: false }), "CM01", `${ADD}\n${POLL}\n${messages}`);
    expect(results.polls).toHaveLength(15);
    expect(results.polls.every((p: string) => p[2] === "0" && p[1] === "0")).toBe(true);
    expect(results.messages).not.toContain(2399);
    expect(state.logs["distmgr.log"].join("\n")).toMatch(/Error code = 5 \(access denied: WinNT:\/\/LAB\/CM01\$ is not a local administrator/);
  });

  it("fails at the virtual directories without IIS 6 WMI compatibility: row and share, no 2399", () => {
    const s = labEstate({ dpFeatures: "all", dpAdminGranted: true });
    s.hosts.WIN701.features["IIS-WMICompatibility"] = "Disabled";
    const { results, state } = probe(s, "CM01", `${ADD}\n${POLL}\n${messages}`);
    expect(results.polls.at(-1)).toBe("110");
    expect(results.messages).not.toContain(2399);
    expect(state.logs["distmgr.log"].join("\n")).toMatch(/IDispatch error #3603/);
  });

  it("fails without IIS when ConfigMgr does not install it (client OS, or before 1702)", () => {
    const s = labEstate({ dpAdminGranted: true });
    const { results, state } = probe(s, "CM01", `${ADD}\n${POLL}`);
    expect(results.polls.at(-1)).toBe("110");
    expect(state.logs["distmgr.log"].join("\n")).toMatch(/Install Internet server= 2 .*install and configure IIS manually/);
  });

  it("2403 on a server host: -InstallInternetServer makes DistMgr install IIS itself", () => {
    const s = estate("2403", { dpAdminGranted: true });
    const body = [
      "New-CMSiteSystemServer -SiteSystemServerName dp01.contoso.com -SiteCode P01 -UseSiteServerAccount | Out-Null",
      "Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -InstallInternetServer | Out-Null",
      "for ($i = 0; $i -lt 20; $i++) { Start-Sleep -Seconds 30; $null = Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_StatusMessage }",
      messages,
    ].join("\n");
    const { results, state } = probe(s, "CM01", body);
    expect(results.messages).toContain(2399);
    expect(state.hosts.DP01.features["Web-WMI"]).toBe("Enabled");
  });

  it("uninstalls after Remove-CMDistributionPoint: the role at once, the row, then the share, over polls; -Force is required", () => {
    const body = [
      ADD,
      POLL,
      "Probe 'remove-unforced' { Remove-CMDistributionPoint -SiteSystemServerName win701.lab.local -SiteCode P01 }",
      "Remove-CMDistributionPoint -SiteSystemServerName win701.lab.local -SiteCode P01 -Force",
      "$probe['roleAfterRemove'] = [bool](Get-CMDistributionPoint -SiteSystemServerName win701.lab.local -SiteCode P01)",
      "$gone = @()",
      "for ($i = 0; $i -lt 20; $i++) {",
      "  $row = @(Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_DistributionPointInfo).Count -gt 0",
      "  $share = Test-Path -LiteralPath 'FileSystem::\\\\win701.lab.local\\SMS_DP$'",
      "  $gone += ('{0}{1}' -f [int]$row, [int]$share)",
      "  if (-not $row -and -not $share) { break }",
      "  Start-Sleep -Seconds 30",
      "}",
      "$probe['uninstall'] = $gone",
      "Probe 'remove-system' { Remove-CMSiteSystemServer -SiteSystemServerName win701.lab.local -SiteCode P01 -Force }",
    ].join("\n");
    const { results, state } = probe(labEstate({ dpFeatures: "all", dpAdminGranted: true }), "CM01", body);
    expect(results["remove-unforced"]).toMatch(/NonInteractive mode/);
    expect(results.roleAfterRemove).toBe(false);
    expect(results.uninstall.at(-1)).toBe("00");
    expect(results.uninstall.length).toBeGreaterThan(1);
    expect(results["remove-system"]).toBe("bound");
    expect(state.siteSystems.map((s: { server: string }) => s.server)).not.toContain("win701.lab.local");
    expect(state.logs["distmgr.log"].join("\n")).toMatch(/Removed share SMS_DP\$[\s\S]*~Completed uninstalling/);
  });
});
