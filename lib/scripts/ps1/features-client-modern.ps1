# behaviour-version: 1
# Prerequisite features on Windows 10 / 11: the DISM module's Enable-WindowsOptionalFeature -All.
# Data ($Config): Features, HandPrepare.

function Install-Prerequisites {
  $missing = @()
  $pending = @()
  foreach ($name in $Config.Features) {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName $name
    if (-not $feature) {
      throw ('this Windows edition has no optional feature ' + $name + ' (Windows Authentication needs Pro, Enterprise or Education); ' + $Config.HandPrepare)
    }
    if ($feature.State -eq 'EnablePending') { $pending += $name } elseif ($feature.State -ne 'Enabled') { $missing += $name }
  }
  $result = @{ Enabled = @(); Reboot = ($pending.Count -gt 0) }
  if ($missing.Count -gt 0) {
    $results = @(Enable-WindowsOptionalFeature -Online -FeatureName $missing -All -NoRestart)
    if (@($results | Where-Object { $_.RestartNeeded }).Count -gt 0) { $result.Reboot = $true }
    $result.Enabled = $missing
  }
  return $result
}
