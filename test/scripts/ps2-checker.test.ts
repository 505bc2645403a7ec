import { describe, expect, it } from "vitest";
import { syntaxProblems } from "./powershell-parser";
import { ps2Violations } from "./ps2-checker";

/** Scripts PowerShell 2.0 runs, and scripts it does not — each with the construct the report must name. */
const allowed: Array<[string, string]> = [
  ["WMI instead of CIM", "Get-WmiObject -Class Win32_OptionalFeature -Filter 'InstallState = 1'"],
  ["ADSI instead of LocalAccounts", "$g = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/Administrators,group'); $g.IsMember('WinNT://LAB/CM01$')"],
  ["a forbidden word in a single-quoted string", "Write-Output 'Add-LocalGroupMember and ConvertTo-Json [ordered] -in $PSScriptRoot ::new()'"],
  ["a forbidden word in a double-quoted string", 'Write-Output "use Get-CimInstance or Install-WindowsFeature -ErrorAction Ignore on newer systems"'],
  ["a forbidden word in a comment", "# Get-LocalGroupMember would crash on orphaned SIDs\n<# Where-Object Installed #>\nexit 0"],
  ["script-block Where-Object / ForEach-Object", "$x | Where-Object { $_.Installed } | ForEach-Object { $_.Name } | ? { $_ } | % -Process { $_ } -Begin { 1 } -End { 2 }"],
  ["Where-Object -FilterScript with common parameters", "$x | Where-Object -FilterScript { $_ } -ErrorAction Stop -Verbose"],
  ["-contains and -notcontains", "if ($a -notcontains 'x' -and $a -contains 'y') { }"],
  ["ServerManager after Import-Module", "Import-Module ServerManager\nGet-WindowsFeature -Name Web-Server\nAdd-WindowsFeature -Name RDC"],
  ["-ErrorAction SilentlyContinue", "Get-Item C:\\x -ErrorAction SilentlyContinue"],
  ["New-Object and [IntPtr]::Size", "$sid = New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'; [IntPtr]::Size"],
  ["foreach statement", "foreach ($f in $all) { $f.Name }"],
  ["a hashtable key named ordered", "$h = @{ ordered = 1; pscustomobject = 2 }"],
];

const forbidden: Array<[string, string, RegExp]> = [
  ["Add-LocalGroupMember", "Add-LocalGroupMember -SID S-1-5-32-544 -Member 'LAB\\CM01$'", /Add-LocalGroupMember: the LocalAccounts module/],
  ["Get-LocalGroupMember", "Get-LocalGroupMember -SID S-1-5-32-544", /Get-LocalGroupMember/],
  ["Remove-LocalGroupMember", "Remove-LocalGroupMember -SID S-1-5-32-544 -Member x", /Remove-LocalGroupMember/],
  ["Get-CimInstance", "Get-CimInstance Win32_OptionalFeature", /Get-CimInstance: CIM cmdlets/],
  ["New-CimInstance", "New-CimInstance -ClassName x", /New-CimInstance/],
  ["Set-CimInstance", "$x | Set-CimInstance", /Set-CimInstance/],
  ["Invoke-CimMethod", "Invoke-CimMethod -ClassName x -MethodName y", /Invoke-CimMethod/],
  ["the gcim alias", "gcim Win32_OperatingSystem", /gcim/],
  ["ConvertTo-Json", "@{a=1} | ConvertTo-Json", /ConvertTo-Json: JSON/],
  ["ConvertFrom-Json", "$t | ConvertFrom-Json", /ConvertFrom-Json/],
  ["[ordered]", "$h = [ordered]@{ a = 1 }", /\[ordered\]: type accelerator/],
  ["[pscustomobject]", "$o = [PSCustomObject]@{ a = 1 }", /\[PSCustomObject\]/],
  ["-in", "if ('a' -in $list) { }", /-in: operator/],
  ["-notin", "if ('a' -notin $list) { }", /-notin/],
  ["::new()", "$sb = [System.Text.StringBuilder]::new()", /::new\(\)/],
  ["$PSScriptRoot", "$here = $PSScriptRoot", /\$PSScriptRoot: automatic variable/],
  ["$PSScriptRoot inside a double-quoted string", 'Write-Output "$PSScriptRoot\\x"', /\$PSScriptRoot/],
  ["-ErrorAction Ignore", "Get-Item C:\\x -ErrorAction Ignore", /-ErrorAction Ignore/],
  ["-ErrorAction:'Ignore'", "Get-Item C:\\x -ErrorAction:'Ignore'", /-ErrorAction Ignore/],
  ["-ea Ignore", "Get-Item C:\\x -ea Ignore", /-ea Ignore/],
  ["Enable-WindowsOptionalFeature", "Enable-WindowsOptionalFeature -Online -FeatureName IIS-WebServerRole -All -NoRestart", /Enable-WindowsOptionalFeature: the DISM module/],
  ["Get-WindowsOptionalFeature", "Get-WindowsOptionalFeature -Online -FeatureName x", /Get-WindowsOptionalFeature/],
  ["Install-WindowsFeature", "Install-WindowsFeature -Name Web-Server", /Install-WindowsFeature: needs Windows Server 2012/],
  ["$using:", "Invoke-Command -ScriptBlock { $using:name }", /\$using:name: the using: scope/],
  ["Invoke-WebRequest", "Invoke-WebRequest -Uri http://x", /Invoke-WebRequest/],
  ["Invoke-RestMethod", "Invoke-RestMethod -Uri http://x", /Invoke-RestMethod/],
  ["simplified Where-Object", "Get-WindowsFeature | Where-Object Installed", /Where-Object Installed: simplified/],
  ["simplified Where-Object with -EQ", "$x | Where-Object Name -EQ 'RDC'", /Where-Object -EQ: simplified/],
  ["simplified ForEach-Object", "$x | ForEach-Object Name", /ForEach-Object Name: simplified/],
  ["simplified ForEach-Object -MemberName", "$x | ForEach-Object -MemberName Name", /ForEach-Object -MemberName/],
  ["simplified ? alias", "$x | ? Installed", /\? Installed/],
  ["Get-WindowsFeature without Import-Module", "Get-WindowsFeature -Name Web-Server\nImport-Module ServerManager", /Get-WindowsFeature without a preceding Import-Module ServerManager/],
  ["a forbidden command inside $( ) in a double-quoted string", 'Write-Output "os: $(Get-CimInstance Win32_OperatingSystem)"', /Get-CimInstance/],
  ["a forbidden command called with &", "& 'ConvertTo-Json' -InputObject 1", /ConvertTo-Json/],
  ["[Environment]::Is64BitProcess", "if ([Environment]::Is64BitProcess) { }", /Is64BitProcess: \.NET 4/],
  [".Where() intrinsic method", "$x.Where({ $_ })", /\.Where\(\): intrinsic method/],
];

describe("ps2Violations", () => {
  it.each(allowed)("accepts %s", async (_name, script) => {
    expect(await syntaxProblems(script)).toEqual([]);
    expect(await ps2Violations(script)).toEqual([]);
  });
  it.each(forbidden)("flags %s", async (_name, script, expected) => {
    expect(await syntaxProblems(script)).toEqual([]);
    const problems = await ps2Violations(script);
    expect(problems.length, `no violation reported for: ${script}`).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(expected);
  });
  it("reports the line and column of each violation", async () => {
    expect(await ps2Violations("$ok = 1\n  $h = [ordered]@{}\n$x -in $y")).toEqual([
      "2:8 [ordered]: type accelerator needs PowerShell 3.0",
      "3:4 -in: operator needs PowerShell 3.0; use -contains / -notcontains",
    ]);
  });
});
