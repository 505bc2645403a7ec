# behaviour-version: 1
# Prerequisite features on Windows Server 2012 ... 2025: Install-WindowsFeature.
# Web-Metabase/Web-WMI on Server 2025 are UNCONFIRMED (IIS 6 compatibility is deprecated): every name is looked up first.
# Data ($Config): Features (Server Manager IDs), HandPrepare.

function Install-Prerequisites {
  # Loaded explicitly: module autoloading can be off in a non-interactive session ($PSModuleAutoloadingPreference).
  Import-Module ServerManager
  $missing = @()
  foreach ($name in $Config.Features) {
    $feature = Get-WindowsFeature -Name $name
    if (-not $feature) {
      throw ('Windows feature ' + $name + ' does not exist on this OS (IIS 6 Management Compatibility is deprecated on newer servers); ' + $Config.HandPrepare)
    }
    if (-not $feature.Installed) { $missing += $name }
  }
  $result = @{ Enabled = @(); Reboot = $false }
  if ($missing.Count -gt 0) {
    $install = Install-WindowsFeature -Name $missing
    if (-not $install.Success) {
      throw ('Install-WindowsFeature did not succeed for ' + ($missing -join ', ') + ' (exit code ' + $install.ExitCode + '); read %windir%\Logs\ServerManager.log')
    }
    if ([string]$install.RestartNeeded -eq 'Yes') { $result.Reboot = $true }
    $result.Enabled = $missing
  }
  return $result
}
