# behaviour-version: 1
# Runs the script of the action the command line's bootstrap set ($action); every step script ends
# with its own exit, so falling through is a failure too.
$dispatchFail = 'CONFIGMGR-RESULT step=' + $Dispatch.Step + ' status=failed detail='
if (-not $Dispatch.Actions.ContainsKey([string]$action)) {
  Write-Output ($dispatchFail + 'no ' + $Dispatch.Names + ' script for action ' + $action)
  exit 1
}
& $Dispatch.Actions[[string]$action]
Write-Output ($dispatchFail + 'the ' + $action + ' script ended without a result')
exit 1
