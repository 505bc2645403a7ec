import { describe, expect, it } from "vitest";
import { estate, labEstate, type LabState } from "../labdouble/seed";
import { probe } from "./double-support";
import { runInDouble } from "./harness";

/**
 * Injected faults (test/labdouble/README.md, "Faults"): a state entry names a command (and
 * optionally its Nth call) that fails the way the real one fails transiently, before or after its
 * change; a component entry stalls DistMgr or secondary-site setup while it is in the state.
 */

const withFaults = (state: LabState, faults: unknown[]): LabState => ({ ...state, faults } as LabState);
const CERT = "-CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2))";

describe("the double's injected faults", () => {
  it("a ConfigMgr cmdlet fails with the SMS Provider's error: only its Nth call, before or after its change, logged as such", () => {
    const s = withFaults(estate("2403"), [
      { command: "New-CMBoundary", call: 2 },
      { command: "New-CMBoundaryGroup", when: "after", error: "provider" },
      { command: "Add-CMDistributionPoint" },
    ]);
    const r = probe(
      s,
      "CM01",
      [
        "Probe 'first' { New-CMBoundary -Type IPSubnet -Value 10.1.0.0/16 -Name a }",
        "Probe 'second' { New-CMBoundary -Type IPSubnet -Value 10.2.0.0/16 -Name b }",
        "Probe 'third' { New-CMBoundary -Type IPSubnet -Value 10.3.0.0/16 -Name c }",
        "Probe 'group' { New-CMBoundaryGroup -Name HQ }",
        "New-CMSiteSystemServer -SiteSystemServerName dp01.contoso.com -SiteCode P01 | Out-Null",
        `Probe 'add' { Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 ${CERT} }`,
        // A non-terminating error under -ErrorAction SilentlyContinue, as a compiled cmdlet's.
        `$probe['quiet'] = @(Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 ${CERT} -ErrorAction SilentlyContinue).Count`,
        // Off the site drive the call fails as ever, and does not count against a fault.
        "Probe 'offDrive' { Set-Location $env:TMPDIR; New-CMBoundaryGroup -Name Other }",
      ].join("\n"),
    );
    expect(r.results).toMatchObject({ first: "bound", second: "bound, then: Generic failure", third: "bound" });
    expect(r.results.group).toMatch(/^bound, then: ConfigMgr Error Object: instance of SMS_ExtendedStatus .*The SMS Provider reported an error/);
    expect(r.results.add).toBe("bound, then: Generic failure");
    expect(r.results.quiet).toBe(0);
    expect(r.results.offDrive).toMatch(/connect to a Configuration Manager drive/);
    // 'before' changed nothing; 'after' made the change.
    expect(r.state.boundaries.map((b: any) => b.value)).toEqual(["10.1.0.0", "10.3.0.0"]);
    expect(r.state.boundaryGroups.map((g: any) => g.name)).toEqual(["HQ"]);
    expect(r.state.distributionPoints).toEqual([]);
    const logged = r.state.calls.filter((c: any) => c.kind === "configmgr" && /^(New-CMBoundary|New-CMBoundaryGroup|Add-CMDistributionPoint)$/.test(c.command));
    expect(logged.map((c: any) => [c.command, c.fault ?? null])).toEqual([
      ["New-CMBoundary", null],
      ["New-CMBoundary", "before"],
      ["New-CMBoundary", null],
      ["New-CMBoundaryGroup", "after"],
      ["Add-CMDistributionPoint", "before"],
      ["Add-CMDistributionPoint", "before"],
      ["New-CMBoundaryGroup", null],
    ]);
    expect((r.state as any).faults.map((f: any) => [f.seen, f.fired ?? 0])).toEqual([[3, 1], [1, 1], [2, 2]]);

    // Cleared, the same call works on the state the failure left.
    const cleared = probe(withFaults(r.state, []), "CM01", `Probe 'add' { Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 ${CERT} }`);
    expect(cleared.results.add).toBe("bound");
    expect(cleared.state.distributionPoints.map((d: any) => d.server)).toEqual(["dp01.contoso.com"]);
  });

  it("Windows: dism.exe exits with its code, the feature cmdlets and ADSI throw, Get-WmiObject answers Generic failure", () => {
    const lab = withFaults(labEstate(), [
      { command: "dism.exe", call: 1 },
      { command: "dism.exe", call: 2, when: "after", exitCode: 1460, message: "This operation returned because the timeout period expired." },
      { command: "[ADSI].Add" },
      { command: "Get-WmiObject", call: 1 },
    ]);
    const dism = "& (Join-Path $env:windir 'System32\\dism.exe') /Online /Enable-Feature /FeatureName:IIS-WebServerRole /NoRestart";
    const win7 = runInDouble(
      [
        "$ErrorActionPreference = 'Stop'",
        `$o1 = ${dism} | Out-String; $e1 = $LASTEXITCODE`,
        `$o2 = ${dism} | Out-String; $e2 = $LASTEXITCODE`,
        "try { Get-WmiObject -Class Win32_OperatingSystem | Out-Null; $w1 = 'ok' } catch { $w1 = $_.Exception.Message }",
        "try { Get-WmiObject -Class Win32_OperatingSystem | Out-Null; $w2 = 'ok' } catch { $w2 = $_.Exception.Message }",
        "$admins = [ADSI]'WinNT://WIN701/Administrators,group'",
        "try { $admins.Add('WinNT://LAB/CM01$'); $a = 'ok' } catch { $a = $_.Exception.Message }",
        "Write-Output ('R ' + (ConvertTo-Json -Compress @{ e1 = $e1; o1 = $o1; e2 = $e2; o2 = $o2; w1 = $w1; w2 = $w2; a = $a }))",
      ].join("\n"),
      { state: lab, computer: "WIN701" },
    );
    const res = JSON.parse(win7.stdout.split(/\r?\n/).find((l) => l.startsWith("R "))!.slice(2));
    expect(res.e1).toBe(1726);
    expect(res.o1).toMatch(/Error: 1726[\s\S]*The remote procedure call failed\.[\s\S]*dism\.log/);
    expect(res.e2).toBe(1460);
    expect(res.o2).toMatch(/timeout period expired/);
    expect([res.w1.trim(), res.w2]).toEqual(["Generic failure", "ok"]);
    expect(res.a).toMatch(/RPC server is unavailable.*0x800706BA/);
    const host = win7.state.hosts.WIN701;
    // The first dism call changed nothing; the second ('after') enabled the feature, then failed.
    expect(host.features["IIS-WebServerRole"]).toBe("Enabled");
    expect(win7.calls.filter((c) => c.command === "dism.exe").map((c: any) => c.fault)).toEqual(["before", "after"]);
    expect(host.administrators.members.map((m: any) => m.path)).not.toContain("WinNT://LAB/CM01$");

    const server = withFaults(estate("2509"), [{ command: "Install-WindowsFeature" }]);
    const srv = runInDouble(
      [
        "$ErrorActionPreference = 'Stop'",
        "Import-Module ServerManager",
        "try { $r = Install-WindowsFeature -Name Web-Server; $m = 'ok' } catch { $m = $_.Exception.Message }",
        "$q = Install-WindowsFeature -Name Web-Server -ErrorAction SilentlyContinue",
        "Write-Output ('R ' + (ConvertTo-Json -Compress @{ m = $m; success = $q.Success; exit = [string]$q.ExitCode }))",
      ].join("\n"),
      { state: server, computer: "DP01" },
    );
    const sres = JSON.parse(srv.stdout.split(/\r?\n/).find((l) => l.startsWith("R "))!.slice(2));
    expect(sres.m).toMatch(/Installation of one or more roles, role services, or features failed.*0x800706BE/);
    expect(sres).toMatchObject({ success: false, exit: "Failed" });
    expect(srv.state.hosts.DP01.features["Web-Server"]).toBe("Disabled");

    const client = withFaults(estate("2509"), [{ command: "Enable-WindowsOptionalFeature" }]);
    const cli = runInDouble(
      [
        "$ErrorActionPreference = 'Stop'",
        "try { Enable-WindowsOptionalFeature -Online -FeatureName IIS-WebServerRole -All -NoRestart | Out-Null; $m = 'ok' } catch { $m = $_.Exception.Message }",
        "Write-Output ('R ' + $m)",
      ].join("\n"),
      { state: client, computer: "WIN1001" },
    );
    expect(cli.stdout).toMatch(/^R The remote procedure call failed\./m);
    expect(cli.state.hosts.WIN1001.features["IIS-WebServerRole"]).not.toBe("Enabled");
  });

  it("a stalled component does not move on while its entry is in the state: DistMgr for one DP, secondary setup for one site", () => {
    const s = withFaults(estate("2403", { dpFeatures: "all", dpAdminGranted: true }), [
      { component: "DistMgr", target: "dp01.contoso.com" },
      { component: "SecondarySetup", target: "S01" },
    ]);
    const body = [
      "New-CMSiteSystemServer -SiteSystemServerName dp01.contoso.com -SiteCode P01 | Out-Null",
      `Add-CMDistributionPoint -SiteSystemServerName dp01.contoso.com -SiteCode P01 ${CERT} | Out-Null`,
      "$src = New-CMInstallationSourceFile -CopyFromParentSiteServer",
      "$sql = New-CMSqlServerSetting -CopySqlServerExpressOnSecondarySite",
      `New-CMSecondarySite -SecondarySiteCode S01 -SiteName Branch -ServerName sec01.contoso.com -PrimarySiteCode P01 -InstallationSourceFile $src -SqlServerSetting $sql -Http -CreateSelfSignedCertificate ${CERT} -InstallInternetServer $true | Out-Null`,
      "Start-Sleep -Seconds 7200",
      "$probe['site'] = [int](Get-CMSite -SiteCode S01).Status",
      "$probe['row'] = @(Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_DistributionPointInfo -Filter \"ServerName = 'dp01.contoso.com'\").Count",
      "$probe['share'] = Test-Path -LiteralPath 'FileSystem::\\\\dp01.contoso.com\\SMS_DP$'",
    ].join("\n");
    const stalled = probe(s, "CM01", body);
    // HMAN inserted the provider row; DistMgr did nothing after it.
    expect(stalled.results).toEqual({ site: 2, row: 1, share: false });
    const resumed = probe(withFaults(stalled.state, []), "CM01", ["for ($i = 0; $i -lt 20; $i++) { Start-Sleep -Seconds 60; $null = Get-CMSite -SiteCode S01 }", "$probe['site'] = [int](Get-CMSite -SiteCode S01).Status", "$probe['dp'] = @(Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_StatusMessage -Filter 'MessageID = 2399').Count"].join("\n"));
    expect(resumed.results).toEqual({ site: 1, dp: 2 });
  });
});
