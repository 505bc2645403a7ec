import { describe, expect, it } from "vitest";
import { estate, labEstate } from "../labdouble/seed";
import { probe } from "./double-support";

/**
 * State persistence and the call log: a second run sees what the first did; every ConfigMgr call
 * is logged with its bound parameters and whether it changes anything; strings land literally.
 */

describe("the double's state and call log", () => {
  it("a second run sees the first run's objects; values arrive literally; calls are logged with bound parameters", () => {
    const hostile = "Zürich – “quoted” 'single' `backtick` $(Get-Date) @'\n'@";
    const first = probe(
      labEstate(),
      "CM01",
      [
        "New-CMSiteSystemServer -ServerName win701.lab.local -SiteCode P01 | Out-Null",
        `New-CMBoundaryGroup -Name 'Lab HQ' -Description ${psLiteral(hostile)} | Out-Null`,
        "Set-Content -LiteralPath (Join-Path $env:ProgramData 'marker.txt') -Value 'from run 1'",
        "$probe['done'] = $true",
      ].join("\n"),
    );
    expect(first.results.done).toBe(true);
    expect(first.state.boundaryGroups[0].description).toBe(hostile);
    const second = probe(
      first.statePath,
      "CM01",
      [
        "$probe['seen'] = [bool](Get-CMSiteSystemServer -SiteSystemServerName win701.lab.local -SiteCode P01)",
        "$probe['description'] = (Get-CMBoundaryGroup -Name 'Lab HQ').Description",
        "Probe 'again' { New-CMSiteSystemServer -ServerName win701.lab.local -SiteCode P01 }",
        "$probe['marker'] = Get-Content -LiteralPath (Join-Path $env:ProgramData 'marker.txt')",
        "Probe 'offDrive' { Set-Location $env:TMPDIR; Get-CMSite }",
      ].join("\n"),
    );
    expect(second.results.seen).toBe(true);
    expect(second.results.description).toBe(hostile);
    expect(second.results.again).toMatch(/already exists/);
    expect(second.results.marker).toBe("from run 1");
    expect(second.results.offDrive).toMatch(/connect to a Configuration Manager drive/);
    const calls = second.state.calls.filter((c: { kind: string }) => c.kind === "configmgr");
    const news = calls.filter((c: { command: string }) => c.command === "New-CMSiteSystemServer");
    expect(news).toHaveLength(2);
    expect(news[0]).toMatchObject({ changing: true, host: "CM01", parameters: { SiteSystemServerName: "win701.lab.local", SiteCode: "P01" } });
    // (Bound parameters are logged under their canonical names: -ServerName is an alias there.)
    expect(calls.find((c: { command: string }) => c.command === "Get-CMSiteSystemServer")).toMatchObject({ changing: false, parameterSet: "SearchByName" });
    expect(calls.find((c: { command: string }) => c.command === "New-CMBoundaryGroup").parameters.Description).toBe(hostile);
  });

  it("a secondary site installs through SMS_Site status; its DP gets IIS only with -InstallInternetServer $true; uninstall ends on the server after the database reference is gone", () => {
    const install = (iis: string) =>
      [
        "$src = New-CMInstallationSourceFile -CopyFromParentSiteServer",
        "$sql = New-CMSqlServerSetting -CopySqlServerExpressOnSecondarySite",
        `New-CMSecondarySite -SecondarySiteCode S01 -SiteName Branch -ServerName sec01.contoso.com -PrimarySiteCode P01 -InstallationSourceFile $src -SqlServerSetting $sql -Http -CreateSelfSignedCertificate -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2))${iis} | Out-Null`,
        "$statuses = @()",
        "for ($i = 0; $i -lt 30; $i++) { $statuses += [int](Get-CMSite -SiteCode S01).Status; Start-Sleep -Seconds 60 }",
        "$probe['statuses'] = @($statuses | Select-Object -Unique)",
        "$probe['messages'] = @(Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_StatusMessage | Where-Object { $_.SiteCode -eq 'S01' } | ForEach-Object { [int]$_.MessageID })",
      ].join("\n");
    const without = probe(estate("2403"), "CM01", install(""));
    expect(without.results.statuses).toEqual([2, 1]);
    expect(without.results.messages).not.toContain(2399);
    const withIis = probe(estate("2403"), "CM01", install(" -InstallInternetServer $true"));
    expect(withIis.results.messages).toContain(2399);

    const removed = probe(
      withIis.statePath,
      "CM01",
      [
        "Remove-CMSecondarySite -SiteCode S01 -Action Uninstall -Force",
        "$probe['siteAfter'] = @(Get-CMSite -SiteCode S01).Count",
        "$probe['shareAtOnce'] = Test-Path -LiteralPath 'FileSystem::\\\\sec01.contoso.com\\SMS_S01'",
        "Start-Sleep -Seconds 1200",
        "$probe['shareLater'] = Test-Path -LiteralPath 'FileSystem::\\\\sec01.contoso.com\\SMS_S01'",
      ].join("\n"),
    );
    expect(removed.results).toMatchObject({ siteAfter: 0, shareAtOnce: true, shareLater: false });
  });
});

describe("rules the double's cmdlets enforce", () => {
  it("names are wildcards unless -DisableWildcardHandling, as in the real cmdlets", () => {
    const { results } = probe(
      estate("2403"),
      "CM01",
      [
        "New-CMBoundaryGroup -Name 'HQ [1]*' | Out-Null",
        "New-CMBoundaryGroup -Name 'HQ 1 North' | Out-Null",
        "$probe['wild'] = @(Get-CMBoundaryGroup -Name 'HQ [1]*' | ForEach-Object { $_.Name })",
        "$probe['literal'] = @(Get-CMBoundaryGroup -Name 'HQ [1]*' -DisableWildcardHandling | ForEach-Object { $_.Name })",
      ].join("\n"),
    );
    expect(results.wild).toEqual(["HQ 1 North"]);
    expect(results.literal).toEqual(["HQ [1]*"]);
  });

  it("HTTPS needs a PKI certificate: Add -EnableSsl (2403) and Set -ClientCommunicationType HTTPS (2012 R2) fail without -CertificatePath", () => {
    const cb = probe(
      estate("2403"),
      "CM01",
      [
        "New-CMSiteSystemServer -SiteSystemServerName dp01.contoso.com -SiteCode P01 | Out-Null",
        "Probe 'selfSigned' { Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -EnableSsl }",
        "Probe 'internetHttp' { Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -ClientConnectionType Internet }",
        "Probe 'noSiteSystem' { Add-CMDistributionPoint -SiteSystemServerName win1001.contoso.com -SiteCode P01 -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) }",
      ].join("\n"),
    );
    expect(cb.results.selfSigned).toMatch(/^bound, then: HTTPS client communication needs a PKI certificate/);
    expect(cb.results.internetHttp).toMatch(/^bound, then: An Internet-facing distribution point requires HTTPS/);
    expect(cb.results.noSiteSystem).toMatch(/New-CMSiteSystemServer first/);
    expect(cb.state.distributionPoints).toHaveLength(0);
    const r2 = probe(
      estate("2012 R2"),
      "CM01",
      [
        "New-CMSiteSystemServer -SiteSystemServerName dp01.contoso.com -SiteCode P01 | Out-Null",
        "Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -MinimumFreeSpaceMB 50 | Out-Null",
        "Probe 'https' { Set-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 -ClientCommunicationType HTTPS }",
        "Probe 'httpsPki' { Set-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 -ClientCommunicationType HTTPS -CertificatePath 'C:\\dp.pfx' -CertificatePassword (ConvertTo-SecureString -String 'p' -AsPlainText -Force) }",
      ].join("\n"),
    );
    expect(r2.results.https).toMatch(/^bound, then: HTTPS client communication needs a PKI certificate/);
    expect(r2.results.httpsPki).toBe("bound");
  });
});

function psLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
