# behaviour-version: 1
# Prerequisite features on Windows 7 / 8 / 8.1 (PowerShell 2.0, DISM 6.1): dism.exe with every
# parent named, parents first (DISM 6.1 has no /All; names are case-sensitive there).
# Data ($Config): Features (DISM names, parents first), HandPrepare (the fix to name on failure).

function Install-Prerequisites {
  $want = @($Config.Features)
  # Installed state from WMI (locale-independent): InstallState 1 = enabled.
  $all = @(Get-WmiObject -Class Win32_OptionalFeature)
  $present = @($all | ForEach-Object { $_.Name })
  $enabled = @($all | Where-Object { $_.InstallState -eq 1 } | ForEach-Object { $_.Name })
  $unknown = @($want | Where-Object { $present -cnotcontains $_ })
  if ($unknown.Count -gt 0) {
    throw ('this Windows edition has no optional feature ' + ($unknown -join ', ') + ' (Windows Authentication needs Professional, Enterprise or Ultimate); ' + $Config.HandPrepare)
  }
  $missing = @($want | Where-Object { $enabled -cnotcontains $_ })
  $result = @{ Enabled = @(); Reboot = $false }
  if ($missing.Count -eq 0) { return $result }
  # A 32-bit PowerShell on 64-bit Windows is redirected to the 32-bit dism.exe, which cannot service the running OS.
  $dism = 'dism.exe'
  if ($env:windir) {
    $dism = Join-Path $env:windir 'System32\dism.exe'
    if ([IntPtr]::Size -eq 4 -and (Test-Path (Join-Path $env:windir 'Sysnative'))) { $dism = Join-Path $env:windir 'Sysnative\dism.exe' }
    if (-not (Test-Path $dism)) { throw ('dism.exe not found at ' + $dism) }
  }
  # Parents first, all in one call. /NoRestart: DISM must never reboot the host under us; 3010 = enabled, restart needed.
  $dismArgs = @('/Online', '/Enable-Feature') + @($missing | ForEach-Object { '/FeatureName:' + $_ }) + @('/NoRestart')
  $ErrorActionPreference = 'Continue'
  $dismOut = & $dism $dismArgs 2>&1 | Out-String
  $dismExit = $LASTEXITCODE
  $ErrorActionPreference = 'Stop'
  if ($dismExit -eq 3010) {
    $result.Reboot = $true
  } elseif ($dismExit -ne 0) {
    throw ('dism.exe /Enable-Feature exited with ' + $dismExit + ' (0x' + ('{0:X8}' -f $dismExit) + ') enabling ' + ($missing -join ', ') + '; read %windir%\Logs\DISM\dism.log. ' + (($dismOut -replace '\s+', ' ').Trim()))
  }
  $result.Enabled = $missing
  return $result
}
