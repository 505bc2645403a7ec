# pulumi-configmgr: dp-role/create
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$step = 'dp-role/create'
function Write-Result([string]$Status, [string]$Detail) {
  Write-Output ('CONFIGMGR-RESULT step=' + $step + ' status=' + $Status + ' detail=' + ($Detail -replace '[\r\n]+', ' '))
}
try {
  $siteCode = 'P01'
  $siteServer = 'cm01.lab.local'
  $providerSiteCode = 'P01'
  $ProgressPreference = 'SilentlyContinue'
  $global:CMPSSuppressFastNotUsedCheck = $true
  if (-not (Get-Module -Name ConfigurationManager)) {
    $cmModule = $null
    if ($env:SMS_ADMIN_UI_PATH) {
      # SMS_ADMIN_UI_PATH is ...\AdminConsole\bin\i386; the module sits in its parent.
      $candidate = Join-Path -Path (Split-Path -Path $env:SMS_ADMIN_UI_PATH -Parent) -ChildPath 'ConfigurationManager.psd1'
      if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }
    }
    if (-not $cmModule) {
      # The console records its folder in the 32-bit registry view.
      $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry32)
      $setupKey = $hklm.OpenSubKey('SOFTWARE\Microsoft\ConfigMgr10\Setup')
      if ($setupKey) {
        $uiDir = $setupKey.GetValue('UI Installation Directory')
        $setupKey.Close()
        if ($uiDir) {
          $candidate = Join-Path -Path ([string]$uiDir) -ChildPath 'bin\ConfigurationManager.psd1'
          if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }
        }
      }
      $hklm.Close()
    }
    if ($cmModule) {
      Import-Module -Name $cmModule -ErrorAction Stop
    } else {
      # From 2111 the console puts its folder on PSModulePath.
      Import-Module -Name ConfigurationManager -ErrorAction Stop
    }
  }
  $siteDrive = Get-PSDrive -Name $providerSiteCode -PSProvider CMSite -ErrorAction SilentlyContinue
  $attempt = 0
  while (-not $siteDrive) {
    $attempt++
    try {
      $siteDrive = New-PSDrive -Name $providerSiteCode -PSProvider CMSite -Root $siteServer -ErrorAction Stop
    } catch {
      if ($attempt -ge 5) { throw ('cannot connect to the SMS Provider on ' + $siteServer + ' for site ' + $providerSiteCode + ': ' + $_.Exception.Message) }
      Start-Sleep -Seconds 10
    }
  }
  Set-Location -Path ($providerSiteCode + ':')
  function Get-SmsObject([string]$Class, [string]$Filter) {
    $query = @{ ComputerName = $siteServer; Namespace = ('root\SMS\site_' + $providerSiteCode); Class = $Class; ErrorAction = 'Stop' }
    if ($Filter) { $query['Filter'] = $Filter }
    Get-WmiObject @query
  }
  function ConvertTo-WqlString([string]$Value) {
    "'" + ($Value -replace '\\', '\\' -replace "'", "\'") + "'"
  }
  function Get-OptionalProperty($Object, [string]$Name) {
    if ($null -eq $Object) { return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($property) { return $property.Value }
    return $null
  }
  function Get-EmbeddedValue($Object, [string]$Name, [string]$Field) {
    foreach ($prop in @(Get-OptionalProperty $Object 'Props')) {
      if ($null -ne $prop -and $prop.PropertyName -eq $Name) { return (Get-OptionalProperty $prop $Field) }
    }
    return $null
  }
  function Get-NalServer([string]$NalPath) {
    if ($NalPath -match '\\\\([^\\]+)\\') { return $matches[1] }
    return $NalPath
  }
  function Test-Differs($Current, $Desired) {
    if ($null -eq $Current) { return $true }
    return ($Desired -ne ($Current -as $Desired.GetType()))
  }
  $dp = 'win701.lab.local'
  $changes = @()
  $notes = @()
  function Get-DpInfo {
    $rows = @(Get-SmsObject 'SMS_DistributionPointInfo' ('ServerName = ' + (ConvertTo-WqlString $dp) + ' AND SiteCode = ' + (ConvertTo-WqlString $siteCode)))
    if ($rows.Count -gt 0) { return $rows[0] }
    return $null
  }
  function Test-DpShare {
    # On the CM drive a UNC path needs the FileSystem provider prefix.
    return (Test-Path -LiteralPath ('FileSystem::\\' + $dp + '\SMS_DP$'))
  }
  # (a) site system server
  $system = Get-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if (-not $system) {
    New-CMSiteSystemServer -ServerName $dp -SiteCode $siteCode -ErrorAction Stop | Out-Null
    $changes += 'site system server created'
  } else {
    # The installation account of an existing site system is left as it is.
    if ([bool](Get-EmbeddedValue $system 'UseProxy' 'Value')) {
      Set-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -EnableProxy $false -ErrorAction Stop
      $changes += 'site system proxy removed'
    }
  }
  # (b) distribution point role; install-time settings only (a later change means replacement)
  $dpRole = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  $roleAdded = $false
  $statusBaseline = $null
  if (-not $dpRole) {
    try {
      $statusBaseline = [long]0
      foreach ($message in @(Get-SmsObject 'SMS_StatusMessage' "MessageID = 2399 AND Component = 'SMS_DISTRIBUTION_MANAGER'")) {
        if ([long]$message.RecordID -gt $statusBaseline) { $statusBaseline = [long]$message.RecordID }
      }
    } catch {
      $statusBaseline = $null
    }
    Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -MinimumFreeSpaceMB 50 -PrimaryContentLibraryLocation 'C' -PrimaryPackageShareLocation 'C' -ClientConnectionType Intranet -ErrorAction Stop | Out-Null
    $roleAdded = $true
    $changes += 'distribution point role added'
    $dpRole = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
    if (-not $dpRole) { throw ('Add-CMDistributionPoint returned, but the site has no distribution point role for ' + $dp) }
  }
  # (c) settings; (e) only what differs from what the provider reports
  $info = Get-DpInfo
  $set = @{}
  $changed = New-Object System.Collections.ArrayList
  function Set-IfDiffers([string]$Name, $Current, $Desired, $Value) {
    if (Test-Differs $Current $Desired) { $set[$Name] = $Value; [void]$changed.Add($Name) }
  }
  function Set-Off([string]$Name, $Current) {
    if ([bool]$Current) { $set[$Name] = $false; [void]$changed.Add($Name) }
  }
  $notes += 'description not applied: this version''s cmdlets have no -Description'
  Set-IfDiffers 'ClientCommunicationType' (Get-OptionalProperty $info 'Communication') 0 'Http'
  # Not reported back by the provider, so re-applied on every run:
  $set['ClientConnectionType'] = 'Intranet'
  Set-Off 'EnablePullDP' (Get-OptionalProperty $info 'IsPullDP')
  Set-Off 'EnablePxeSupport' (Get-OptionalProperty $info 'IsPXE')
  Set-Off 'EnableMulticast' (Get-OptionalProperty $info 'IsMulticast')
  Set-IfDiffers 'EnableValidateContent' (Get-EmbeddedValue $dpRole 'DPMonEnabled' 'Value') $true $true
  $set['ValidateContentSchedule'] = (New-CMSchedule -DayOfWeek Saturday -RecurCount 1 -Start (Get-Date '02:00') -ErrorAction Stop)
  $set['ContentMonitoringPriority'] = 'Lowest'
  # (d) boundary groups: exactly the declared ones (Add-CMDistributionPoint has no -BoundaryGroupName)
  $wantedGroups = @('Lab HQ')
  $currentGroups = @()
  foreach ($link in @(Get-SmsObject 'SMS_BoundaryGroupSiteSystems' ('SiteCode = ' + (ConvertTo-WqlString $siteCode)))) {
    if ((Get-NalServer ([string]$link.ServerNALPath)) -ne $dp) { continue }
    foreach ($group in @(Get-SmsObject 'SMS_BoundaryGroup' ('GroupID = ' + [long]$link.GroupID))) { $currentGroups += [string]$group.Name }
  }
  $addGroups = @($wantedGroups | Where-Object { $currentGroups -notcontains $_ })
  $removeGroups = @($currentGroups | Where-Object { $wantedGroups -notcontains $_ })
  if ($addGroups.Count -gt 0) { $set['AddBoundaryGroupName'] = $addGroups; [void]$changed.Add('AddBoundaryGroupName') }
  if ($removeGroups.Count -gt 0) { $set['RemoveBoundaryGroupName'] = $removeGroups; [void]$changed.Add('RemoveBoundaryGroupName') }
  if ($set.Count -gt 0) {
    Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode @set -ErrorAction Stop
  }
  if ($changed.Count -gt 0) { $changes += ('changed ' + (@($changed) -join ', ')) }
  $reapplied = @($set.Keys | Where-Object { $changed -notcontains $_ } | Sort-Object)
  if ($reapplied.Count -gt 0) { $notes += ('re-applied (not readable back) ' + ($reapplied -join ', ')) }
  # (f) readiness: Add-CMDistributionPoint only writes the site control file; DistMgr installs later
  $timeoutMinutes = 30
  $deadline = (Get-Date).AddMinutes($timeoutMinutes)
  $statusQueryable = $true
  while ($true) {
    $rowOk = [bool](Get-DpInfo)
    $shareOk = Test-DpShare
    $statusOk = $true
    if ($roleAdded) {
      $statusOk = $false
      if ($null -eq $statusBaseline) {
        $statusQueryable = $false
      } else {
        try {
          foreach ($message in @(Get-SmsObject 'SMS_StatusMessage' ("MessageID = 2399 AND Component = 'SMS_DISTRIBUTION_MANAGER' AND RecordID > " + $statusBaseline))) {
            foreach ($insert in @(Get-SmsObject 'SMS_StatMsgInsStrings' ('RecordID = ' + [long]$message.RecordID))) {
              $text = [string]$insert.InsStrValue
              if ($text -eq $dp -or (Get-NalServer $text) -eq $dp) { $statusOk = $true }
            }
          }
        } catch {
          $statusQueryable = $false
        }
      }
      if (-not $statusQueryable) { $statusOk = $true }
    }
    if ($rowOk -and $shareOk -and $statusOk) { break }
    if ((Get-Date) -ge $deadline) {
      throw ('distribution point ' + $dp + ' is not installed after ' + $timeoutMinutes + ' minutes (provider row: ' + $rowOk + ', SMS_DP$ share reachable: ' + $shareOk + ', DistMgr message 2399: ' + $statusOk + '). ' +
        'Read distmgr.log on ' + $siteServer + ' and smsdpprov.log on the DP (<drive>\SMS_DP$\sms\logs, \\' + $dp + '\SMS_DP$\sms\logs); ' +
        'if only the share check fails, the account running this script may have no network credentials (key-based SSH logon).')
    }
    Start-Sleep -Seconds 30
  }
  if ($roleAdded -and -not $statusQueryable) { $notes += 'DistMgr status messages not queryable; readiness judged by the provider row and the SMS_DP$ share' }
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'no change' }
  Write-Result $status ($dp + ': ' + (@($changes + $notes + 'installed and ready') -join '; '))
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

