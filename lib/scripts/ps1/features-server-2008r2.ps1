# behaviour-version: 1
# Prerequisite features on Windows Server 2008 R2 (PowerShell 2.0): Import-Module ServerManager, Add-WindowsFeature.
# The 2008 R2 feature IDs are assumed equal to 2012+ (UNCONFIRMED per name): every name is looked up first.
# Data ($Config): Features (Server Manager IDs), HandPrepare.

function Install-Prerequisites {
  # PowerShell 2.0 has no module autoloading.
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
    $install = Add-WindowsFeature -Name $missing
    if (-not $install.Success) {
      throw ('Add-WindowsFeature did not succeed for ' + ($missing -join ', ') + ' (exit code ' + $install.ExitCode + '); read %windir%\Logs\ServerManager.log')
    }
    if ([string]$install.RestartNeeded -eq 'Yes') { $result.Reboot = $true }
    $result.Enabled = $missing
  }
  return $result
}
