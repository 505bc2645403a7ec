# behaviour-version: 2
# A secondary site, run on its parent primary's site server: create installs it with
# New-CMSecondarySite (with its distribution point: -InstallInternetServer $true is what makes setup
# install the DP role and IIS) and waits until the site is active; update only verifies (site code
# and server are its identity); delete uninstalls it (Remove-CMSecondarySite -Action Uninstall) and
# waits until the server itself has finished: the database reference goes first, the server's
# uninstall ends later (its SMS_<code> and SMS_DP$ shares disappear last).
#
# SMS_Site: Type 1 secondary, 2 primary, 4 CAS; Status 1 active, 2 pending, 3 failed, 4 deleted,
# 5 upgrade, 6 failed to delete or deinstall, 7 failed to upgrade, 8 recovery in progress,
# 9 failed to recover (memdocs "SMS_Site server WMI class").
#
# Data ($Config): Action, SecondaryCode, ParentCode, SecondaryServer, SiteName, TimeoutMinutes,
# PollSeconds, Names (this version's New-CMSecondarySite names), Source ('parent' or a UNC path),
# Sql (@{ Express = $true } or database/instance), InstallationFolder.

$secondaryCode = $Config.SecondaryCode
$parentCode = $Config.ParentCode
$secondaryServer = $Config.SecondaryServer
$setupLog = 'ConfigMgrSetup.log in the root of the system drive of ' + $secondaryServer

function Get-Secondary {
  $rows = @(Get-CMSite -SiteCode $secondaryCode -ErrorAction Stop)
  if ($rows.Count -gt 0) { return $rows[0] }
  return $null
}

# The site under this code must be the declared secondary: never act on another site.
# (SMS_Site.ServerName may hold the NetBIOS name on some versions: UNCONFIRMED, so both are accepted.)
function Assert-Identity($Site) {
  if ([int]$Site.Type -ne 1) { throw ('site ' + $secondaryCode + ' exists but is not a secondary site (SMS_Site type ' + $Site.Type + '); choose another site code') }
  if ([string]$Site.ReportingSiteCode -ne $parentCode) { throw ('secondary site ' + $secondaryCode + ' reports to ' + $Site.ReportingSiteCode + ', not to ' + $parentCode + '; moving a secondary site means uninstalling and reinstalling it') }
  $server = [string]$Site.ServerName
  if ($server -ne $secondaryServer -and $server -ne $secondaryServer.Split('.')[0]) { throw ('secondary site ' + $secondaryCode + ' runs on ' + $server + ', not on ' + $secondaryServer + '; its server cannot change in place') }
}

function Wait-Active {
  $deadline = (Get-Date).AddMinutes($Config.TimeoutMinutes)
  while ($true) {
    $site = Get-Secondary
    if ($site -and [int]$site.Status -eq 1) { return }
    if ($site -and (@(3, 7, 9) -contains [int]$site.Status)) {
      throw ('installing secondary site ' + $secondaryCode + ' on ' + $secondaryServer + ' failed (SMS_Site status ' + $site.Status + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer + '; retry from the console (Retry Secondary Site) or delete and create again')
    }
    if ((Get-Date) -ge $deadline) {
      $state = 'not listed yet'
      if ($site) { $state = 'SMS_Site status ' + $site.Status }
      throw ('secondary site ' + $secondaryCode + ' is not active after ' + $Config.TimeoutMinutes + ' minutes (' + $state + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer)
    }
    Start-Sleep -Seconds $Config.PollSeconds
  }
}

function Test-ServerStillInstalled {
  foreach ($share in @(('SMS_' + $secondaryCode), 'SMS_DP$')) {
    if (Test-Path -LiteralPath ('FileSystem::\\' + $secondaryServer + '\' + $share)) { return $true }
  }
  return $false
}

function Invoke-Create {
  $changes = @()
  $found = @()
  $site = Get-Secondary
  if ($site) {
    Assert-Identity $site
    # A create that failed after New-CMSecondarySite (its wait timed out, or the call's reply was
    # lost) runs again: the installation under way is waited for, never started a second time.
    if ([int]$site.Status -ne 1) { $found += ('installation an earlier attempt started was under way (SMS_Site status ' + $site.Status + '); waited until active') }
  } else {
    if ($Config.Source -eq 'parent') {
      $source = New-CMInstallationSourceFile -CopyFromParentSiteServer -ErrorAction Stop
    } else {
      # Only a reachability check from here: setup itself reads the share as the parent's computer account.
      if (-not (Test-Path -LiteralPath ('FileSystem::' + $Config.Source))) { throw ('installation source ' + $Config.Source + ' is not reachable from ' + $siteServer) }
      $source = New-CMInstallationSourceFile -CopyFromNetworkLocation -UncPath $Config.Source -ErrorAction Stop
    }
    if ($Config.Sql.Express) {
      $sql = New-CMSqlServerSetting -CopySqlServerExpressOnSecondarySite -ErrorAction Stop
    } else {
      $sqlParams = @{ UseExistingSqlServerInstance = $true; SiteDatabaseName = $Config.Sql.DatabaseName }
      if ($Config.Sql.InstanceName) { $sqlParams['InstanceName'] = $Config.Sql.InstanceName }
      $sql = New-CMSqlServerSetting @sqlParams -ErrorAction Stop
    }
    $names = $Config.Names
    $install = @{
      SiteName = $Config.SiteName
      ServerName = $secondaryServer
      InstallationSourceFile = $source
      SqlServerSetting = $sql
      Http = $true
      CreateSelfSignedCertificate = $true
      CertificateExpirationTimeUtc = [DateTime]::UtcNow.AddYears(2)
      # Must be $true for setup to install the secondary's distribution point role (and IIS).
      InstallInternetServer = $true
    }
    $install[$names.SecondarySiteCode] = $secondaryCode
    $install[$names.PrimarySiteCode] = $parentCode
    if ($Config.InstallationFolder) { $install[$names.InstallationFolder] = $Config.InstallationFolder }
    New-CMSecondarySite @install -ErrorAction Stop | Out-Null
    $changes += 'secondary site installation started'
  }
  Wait-Active
  $status = 'changed'
  if ($changes.Count -eq 0) {
    $status = 'unchanged'
    if ($found.Count -gt 0) { $changes = $found } else { $changes += 'already installed' }
  }
  Write-Result $status ($secondaryCode + ' on ' + $secondaryServer + ': ' + (@($changes + 'active') -join '; '))
}

function Invoke-Verify {
  $site = Get-Secondary
  if (-not $site) { throw ('secondary site ' + $secondaryCode + ' does not exist under ' + $parentCode + '; it was removed outside this stack: refresh and create it again') }
  Assert-Identity $site
  if ([int]$site.Status -ne 1) { throw ('secondary site ' + $secondaryCode + ' is not active (SMS_Site status ' + $site.Status + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer) }
  Write-Result 'unchanged' ($secondaryCode + ' on ' + $secondaryServer + ': verified, active')
}

function Invoke-Delete {
  $changes = @()
  $site = Get-Secondary
  if ($site) {
    Assert-Identity $site
    if ([int]$site.Status -ne 4) {
      # Uninstall: removes the site from the database and uninstalls it on its server (-Action Delete would only forget it).
      Remove-CMSecondarySite -SiteCode $secondaryCode -Action Uninstall -Force -ErrorAction Stop
      $changes += 'uninstall started'
    }
  }
  if ($site -or (Test-ServerStillInstalled)) {
    $deadline = (Get-Date).AddMinutes($Config.TimeoutMinutes)
    while ($true) {
      $site = Get-Secondary
      if ($site -and [int]$site.Status -eq 6) { throw ('uninstalling secondary site ' + $secondaryCode + ' failed (SMS_Site status 6). Read ' + $setupLog + ' and hman.log on ' + $siteServer) }
      $listed = $site -and [int]$site.Status -ne 4
      $onServer = Test-ServerStillInstalled
      if (-not $listed -and -not $onServer) { break }
      if ((Get-Date) -ge $deadline) {
        throw ('secondary site ' + $secondaryCode + ' is not uninstalled after ' + $Config.TimeoutMinutes + ' minutes (listed in the database: ' + [bool]$listed + ', still installed on ' + $secondaryServer + ': ' + $onServer + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer)
      }
      Start-Sleep -Seconds $Config.PollSeconds
    }
    $changes += 'uninstalled'
  }
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }
  Write-Result $status ($secondaryCode + ': ' + ($changes -join '; '))
}

try {
  Connect-SmsProvider
  switch ($Config.Action) {
    'create' { Invoke-Create }
    'update' { Invoke-Verify }
    default { Invoke-Delete }
  }
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
