import { describe, expect, it } from "vitest";
import { estate, labEstate } from "../labdouble/seed";
import { runInDouble } from "./harness";

/** The Windows side of the double: WMI, [ADSI], dism.exe, shutdown.exe and the feature cmdlets per OS. */

const PRE = "$ErrorActionPreference = 'Stop'\n$probe = [ordered]@{}\nfunction Try-It([string]$Name, [scriptblock]$Call) { try { $probe[$Name] = (& $Call) } catch { $probe[$Name] = 'error: ' + $_.Exception.Message } }";
const END = "Write-Output ('PROBE ' + (ConvertTo-Json -InputObject $probe -Compress -Depth 5))";

function probeHost(state: Record<string, any>, computer: string, body: string) {
  const r = runInDouble(`${PRE}\n${body}\n${END}`, { state, computer });
  const line = r.stdout.split(/\r?\n/).find((l) => l.startsWith("PROBE "));
  if (!line) throw new Error(r.stdout + r.stderr);
  return { results: JSON.parse(line.slice(6)), state: r.state, calls: r.calls };
}

describe("the Windows side of the double", () => {
  it("Windows 7: WMI by SID, ADSI membership, dism.exe 6.1 exit codes, shutdown.exe, no feature cmdlets", () => {
    const s = labEstate();
    s.hosts.WIN701.administrators.name = "Administratoren"; // a localised group name: only the SID finds it
    s.hosts.WIN701.restartFeatures = ["MSRDC-Infrastructure"];
    const { results, state, calls } = probeHost(
      s,
      "WIN701",
      [
        "Try-It 'groupBySid' { (Get-WmiObject -Class Win32_Group -Filter \"SID = 'S-1-5-32-544' AND LocalAccount = TRUE\").Name }",
        "$g = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/Administratoren,group')",
        "Try-It 'before' { $g.IsMember('WinNT://LAB/CM01$') }",
        "Try-It 'add' { $g.Add('WinNT://LAB/CM01$'); $g.IsMember('WinNT://LAB/CM01$') }",
        "Try-It 'addAgain' { $g.Add('WinNT://LAB/CM01$') }",
        "Try-It 'addUnknown' { $g.Add('WinNT://LAB/NOBODY$') }",
        "Try-It 'members' { @($g.Invoke('Members') | ForEach-Object { $_.GetType().InvokeMember('ADsPath', 'GetProperty', $null, $_, $null) }) -join ';' }",
        "Try-It 'wrongGroup' { ([ADSI]'WinNT://WIN701/Administrators,group').IsMember('x') }",
        "$dism = Join-Path $env:windir 'System32\\dism.exe'",
        "Try-It 'dismOnDisk' { Test-Path $dism }",
        "Try-It 'dismAll' { $null = & $dism /Online /Enable-Feature /FeatureName:IIS-WebServerRole /All /NoRestart; $LASTEXITCODE }",
        "Try-It 'dismChildFirst' { $null = & $dism /Online /Enable-Feature /FeatureName:IIS-WebServer /NoRestart; $LASTEXITCODE }",
        "Try-It 'dismUnknown' { $null = & $dism /Online /Enable-Feature /FeatureName:iis-webserverrole /NoRestart; $LASTEXITCODE }",
        "Try-It 'dismOk' { $null = & $dism /Online /Enable-Feature /FeatureName:IIS-WebServerRole /FeatureName:IIS-WebServer /NoRestart; $LASTEXITCODE }",
        "Try-It 'dismRestart' { $null = & $dism /Online /Enable-Feature /FeatureName:MSRDC-Infrastructure /NoRestart; $LASTEXITCODE }",
        "Try-It 'wmiEnabled' { @(Get-WmiObject -Class Win32_OptionalFeature | Where-Object { $_.InstallState -eq 1 } | ForEach-Object { $_.Name } | Sort-Object) -join ',' }",
        "Try-It 'shutdown1' { $null = & shutdown.exe /r /t 60 /c 'x'; $LASTEXITCODE }",
        "Try-It 'shutdown2' { $null = & shutdown.exe /r /t 60 /c 'x'; $LASTEXITCODE }",
        "Try-It 'optionalFeatureCmdlet' { [bool](Get-Command Enable-WindowsOptionalFeature -ErrorAction SilentlyContinue) }",
        "Try-It 'serverManager' { Import-Module ServerManager; 'imported' }",
        "Try-It 'sidTranslate' { (New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544').Translate([System.Security.Principal.NTAccount]).Value }",
        "Try-It 'smsNamespaceHere' { Get-WmiObject -Namespace root\\SMS\\site_P01 -Class SMS_Site }",
        "Try-It 'unknownHost' { Get-WmiObject -ComputerName nowhere.lab.local -Class Win32_OperatingSystem }",
        "Try-It 'badClass' { Get-WmiObject -Class Win32_Nope }",
        "Try-It 'badFilter' { Get-WmiObject -Class Win32_Group -Filter \"Nope = 1\" }",
        "Try-It 'providerLocation' { (Get-WmiObject -ComputerName cm01.lab.local -Namespace root\\SMS -Class SMS_ProviderLocation | Where-Object { $_.ProviderForLocalSite }).SiteCode }",
      ].join("\n"),
    );
    expect(results.groupBySid).toBe("Administratoren");
    expect(results.before).toBe(false);
    expect(results.add).toBe(true);
    expect(results.addAgain).toMatch(/already a member of the group.*0x80070562/);
    expect(results.addUnknown).toMatch(/member does not exist.*0x8007056B/);
    expect(results.members).toContain("WinNT://LAB/CM01$");
    expect(results.wrongGroup).toMatch(/group name could not be found/);
    expect(results.dismOnDisk).toBe(true);
    expect(results.dismAll).toBe(87); // DISM 6.1 has no /All (UNCONFIRMED, windows-commands.md §1)
    expect(results.dismChildFirst).toBe(50);
    expect(results.dismUnknown).toBe(-2146498548); // 0x800f080c: names are case-sensitive on 6.1
    expect(results.dismOk).toBe(0);
    expect(results.dismRestart).toBe(3010);
    expect(results.wmiEnabled).toBe("IIS-WebServer,IIS-WebServerRole,MSRDC-Infrastructure");
    expect(results.shutdown1).toBe(0);
    expect(results.shutdown2).toBe(1190);
    expect(results.optionalFeatureCmdlet).toBe(false);
    expect(results.serverManager).toMatch(/^error: /);
    expect(results.sidTranslate).toBe("BUILTIN\\Administratoren");
    expect(results.smsNamespaceHere).toMatch(/Invalid namespace/);
    expect(results.unknownHost).toMatch(/RPC server is unavailable/);
    expect(results.badClass).toMatch(/Invalid class/);
    expect(results.badFilter).toMatch(/Invalid query/);
    expect(results.providerLocation).toBe("P01");
    expect(state.hosts.WIN701.shutdownScheduled).toEqual({ restart: true, seconds: 60, comment: "x" });
    // Changing calls are logged with their arguments; reads are logged as not changing.
    expect(calls.filter((c) => c.command === "[ADSI].Add").map((c) => c.parameters.member)).toEqual(["WinNT://LAB/CM01$", "WinNT://LAB/CM01$", "WinNT://LAB/NOBODY$"]);
    expect(calls.filter((c) => c.command === "dism.exe").every((c) => c.changing)).toBe(true);
    expect(calls.filter((c) => c.command === "Get-WmiObject").every((c) => !c.changing)).toBe(true);
  });

  it("Windows 10: Get-/Enable-WindowsOptionalFeature, parents needed unless -All", () => {
    const { results, state } = probeHost(
      estate("2403"),
      "WIN1001",
      [
        "Try-It 'state' { (Get-WindowsOptionalFeature -Online -FeatureName IIS-Metabase).State }",
        "Try-It 'unknown' { Get-WindowsOptionalFeature -Online -FeatureName Nope }",
        "Try-It 'noParents' { Enable-WindowsOptionalFeature -Online -FeatureName IIS-Metabase -NoRestart }",
        "Try-It 'all' { (Enable-WindowsOptionalFeature -Online -FeatureName IIS-Metabase -All -NoRestart).RestartNeeded }",
        "Try-It 'dismAll' { $null = & (Join-Path $env:windir 'System32\\dism.exe') /Online /Enable-Feature /FeatureName:IIS-WMICompatibility /All /NoRestart; $LASTEXITCODE }",
      ].join("\n"),
    );
    expect(results.state).toBe("Disabled");
    expect(results.unknown).toMatch(/Feature name Nope is unknown/);
    expect(results.noParents).toMatch(/parent features are disabled/);
    expect(results.all).toBe(false);
    expect(results.dismAll).toBe(0);
    expect(state.hosts.WIN1001.features["IIS-IIS6ManagementCompatibility"]).toBe("Enabled");
  });

  it("Server 2012 R2 has Install-WindowsFeature (and the alias Add-WindowsFeature); Server 2008 R2 only after Import-Module ServerManager, and only Add-", () => {
    const s2012 = probeHost(
      estate("2012 R2"),
      "DP01",
      [
        "Try-It 'install' { $r = Install-WindowsFeature -Name Web-Server, Web-WMI; $r.Success.ToString() + ' ' + $r.RestartNeeded }",
        "Try-It 'alias' { (Get-Command Add-WindowsFeature).CommandType.ToString() }",
        "Try-It 'unknown' { @(Get-WindowsFeature -Name Web-Nope).Count }",
      ].join("\n"),
    );
    expect(s2012.results.install).toBe("True No");
    expect(s2012.results.alias).toBe("Alias");
    expect(s2012.results.unknown).toBe(0);
    expect(s2012.state.hosts.DP01.features["Web-Mgmt-Compat"]).toBe("Enabled");

    const s2008 = probeHost(
      labEstate(),
      "CM01",
      [
        "Try-It 'beforeImport' { [bool](Get-Command Get-WindowsFeature -ErrorAction SilentlyContinue) }",
        "Import-Module ServerManager",
        "Try-It 'afterImport' { [bool](Get-Command Add-WindowsFeature -ErrorAction SilentlyContinue) }",
        "Try-It 'install' { [bool](Get-Command Install-WindowsFeature -ErrorAction SilentlyContinue) }",
      ].join("\n"),
    );
    expect(s2008.results).toEqual({ beforeImport: false, afterImport: true, install: false });
  });
});
