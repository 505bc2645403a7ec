# pulumi-configmgr: host-prepare/create
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$step = 'host-prepare/create'
function Write-Result([string]$Status, [string]$Detail) {
  Write-Output ('CONFIGMGR-RESULT step=' + $step + ' status=' + $Status + ' detail=' + ($Detail -replace '[\r\n]+', ' '))
}
try {
  $dp = 'win701.lab.local'
  $changes = @()
  $siteServer = 'cm01.lab.local'
  $account = 'LAB\CM01$'
  $member = 'WinNT://LAB/CM01$'
  $adminsSid = New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
  # Translate gives BUILTIN\<localised name>; WinNT:// wants the bare name.
  $adminsName = $adminsSid.Translate([System.Security.Principal.NTAccount]).Value
  $adminsName = $adminsName.Substring($adminsName.IndexOf('\') + 1)
  $admins = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $adminsName + ',group')
  try {
    if ($admins.IsMember($member)) {
      $adminChanged = $false
    } else {
      $admins.Add($member)
      $adminChanged = $true
    }
  } catch {
    throw ('could not add ' + $account + ' (the computer account of site server ' + $siteServer + ') to local group ' + $adminsName + ': ' + $_.Exception.Message + ' (is this host in the domain, with a healthy secure channel? Test-ComputerSecureChannel)')
  }
  if ($adminChanged) { $changes += ($account + ' added to local Administrators') }
  $want = @('IIS-WebServerRole', 'IIS-WebServer', 'IIS-ApplicationDevelopment', 'IIS-ISAPIExtensions', 'IIS-Security', 'IIS-WindowsAuthentication', 'IIS-WebServerManagementTools', 'IIS-IIS6ManagementCompatibility', 'IIS-Metabase', 'IIS-WMICompatibility', 'MSRDC-Infrastructure')
  # Installed state from WMI (locale-independent): InstallState 1 = enabled. Names compare case-sensitively, as DISM 6.1 does.
  $all = @(Get-WmiObject -Class Win32_OptionalFeature)
  $present = @($all | ForEach-Object { $_.Name })
  $enabled = @($all | Where-Object { $_.InstallState -eq 1 } | ForEach-Object { $_.Name })
  $unknown = @($want | Where-Object { $present -cnotcontains $_ })
  if ($unknown.Count -gt 0) {
    throw ('this Windows edition has no optional feature ' + ($unknown -join ', ') + ' (Windows Authentication needs Professional, Enterprise or Ultimate); prepare the host by hand and set prepareHost: false with hostHas.features: true')
  }
  $missing = @($want | Where-Object { $enabled -cnotcontains $_ })
  $featuresEnabled = @()
  $rebootNeeded = $false
  if ($missing.Count -gt 0) {
    # A 32-bit PowerShell on 64-bit Windows is redirected to the 32-bit dism.exe, which cannot service the running OS.
    $dism = Join-Path $env:windir 'System32\dism.exe'
    if ([IntPtr]::Size -eq 4 -and (Test-Path (Join-Path $env:windir 'Sysnative'))) { $dism = Join-Path $env:windir 'Sysnative\dism.exe' }
    if (-not (Test-Path $dism)) { throw ('dism.exe not found at ' + $dism) }
    # Parents first, all in one call; several /FeatureName in one DISM 6.1 call is UNCONFIRMED (common in scripts).
    # /NoRestart: DISM must never reboot the host under us; 3010 = enabled, restart needed.
    $dismArgs = @('/Online', '/Enable-Feature') + @($missing | ForEach-Object { '/FeatureName:' + $_ }) + @('/NoRestart')
    $ErrorActionPreference = 'Continue'
    $dismOut = & $dism $dismArgs 2>&1 | Out-String
    $dismExit = $LASTEXITCODE
    $ErrorActionPreference = 'Stop'
    if ($dismExit -eq 3010) {
      $rebootNeeded = $true
    } elseif ($dismExit -ne 0) {
      Write-Output $dismOut
      throw ('dism.exe /Enable-Feature exited with ' + $dismExit + ' (0x' + ('{0:X8}' -f $dismExit) + ') enabling ' + ($missing -join ', '))
    }
    $featuresEnabled = $missing
  }
  if ($featuresEnabled.Count -gt 0) { $changes += ('enabled ' + ($featuresEnabled -join ', ')) }
  if ($rebootNeeded) {
    $done = $dp + ': ' + (@($changes + 'features waiting for a restart') -join '; ')
    Write-Result 'reboot-required' ($done + '; Windows must restart to finish: reboot ' + $dp + ' and run pulumi up again')
    exit 3010
  }
  if ($changes.Count -eq 0) {
    Write-Result 'unchanged' ($dp + ': already prepared, nothing to change')
  } else {
    Write-Result 'changed' ($dp + ': ' + ($changes -join '; '))
  }
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

