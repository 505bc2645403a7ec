# behaviour-version: 1
# Runs on the DP host itself. create/update: grant the site server local admin, then install the
# missing prerequisite features (Install-Prerequisites, from this OS family's features file); a
# restart Windows asks for ends the script with 3010 (or, with RebootIfRequired, a scheduled
# restart and 0). delete: revoke the grant only -- IIS and RDC stay installed (other software may
# use them, and removing them would want a restart). Every change is preceded by a check.
# Data ($Config): Action, Dp, GrantLocalAdmin, InstallFeatures, RebootIfRequired, RestartDelaySeconds.

$dp = $Config.Dp

function Invoke-Create {
  $changes = @()
  if ($Config.GrantLocalAdmin) {
    if (Grant-SiteServerAdmin) { $changes += ($Config.Account + ' added to local Administrators') }
  }
  if ($Config.InstallFeatures) {
    $features = Install-Prerequisites
    if (@($features.Enabled).Count -gt 0) { $changes += ('enabled ' + (@($features.Enabled) -join ', ')) }
    if ($features.Reboot) {
      $done = $dp + ': ' + (@($changes + 'features waiting for a restart') -join '; ')
      if (-not $Config.RebootIfRequired) {
        Write-Result 'reboot-required' ($done + '; Windows must restart to finish: reboot ' + $dp + ' and run pulumi up again')
        exit 3010
      }
      & shutdown.exe /r /t $Config.RestartDelaySeconds /c 'pulumi-configmgr: restarting to finish installing the distribution point prerequisites (rebootIfRequired)'
      # 1190: ERROR_SHUTDOWN_IS_SCHEDULED -- a restart is already on its way, which is what we want.
      if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne 1190) { throw ('shutdown.exe /r exited with ' + $LASTEXITCODE + '; reboot ' + $dp + ' by hand and run pulumi up again') }
      Write-Result 'reboot-scheduled' ($done + '; restart of ' + $dp + ' scheduled in ' + $Config.RestartDelaySeconds + ' seconds (rebootIfRequired)')
      exit 0
    }
  }
  if ($changes.Count -eq 0) {
    Write-Result 'unchanged' ($dp + ': already prepared, nothing to change')
  } else {
    Write-Result 'changed' ($dp + ': ' + ($changes -join '; '))
  }
}

function Invoke-Delete {
  if (-not $Config.GrantLocalAdmin) {
    Write-Result 'unchanged' ($dp + ': no local admin grant to revoke; IIS and RDC left installed')
    return
  }
  $revoke = Revoke-SiteServerAdmin
  $status = 'unchanged'
  if ($revoke.Changed) { $status = 'changed' }
  Write-Result $status ($dp + ': ' + $revoke.Detail + '; IIS and RDC left installed')
}

try {
  if ($Config.Action -eq 'delete') { Invoke-Delete } else { Invoke-Create }
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
