# pulumi-configmgr: host-prepare/delete
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$step = 'host-prepare/delete'
function Write-Result([string]$Status, [string]$Detail) {
  Write-Output ('CONFIGMGR-RESULT step=' + $step + ' status=' + $Status + ' detail=' + ($Detail -replace '[\r\n]+', ' '))
}
try {
  # IIS and RDC stay installed (safe default): only the site server's local admin grant is revoked.
  $dp = 'win701.lab.local'
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
      $admins.Remove($member)
      $adminChanged = $true
    } else {
      $adminChanged = $false
    }
  } catch {
    throw ('could not remove ' + $account + ' (the computer account of site server ' + $siteServer + ') from local group ' + $adminsName + ': ' + $_.Exception.Message + ' (is this host in the domain, with a healthy secure channel? Test-ComputerSecureChannel)')
  }
  if ($adminChanged) {
    Write-Result 'changed' ($dp + ': ' + $account + ' removed from local Administrators; IIS and RDC left installed')
  } else {
    Write-Result 'unchanged' ($dp + ': ' + $account + ' is not in local Administrators; IIS and RDC left installed')
  }
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

