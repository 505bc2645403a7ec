# pulumi-configmgr: dp-role/delete
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$step = 'dp-role/delete'
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
  # 1. remove the role
  $dpRole = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if ($dpRole) {
    Remove-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -Force -ErrorAction Stop
    $changes += 'distribution point role removed'
  }
  # 2. wait until DistMgr has uninstalled it (one DP at a time; a large content library takes long)
  $timeoutMinutes = 30
  $deadline = (Get-Date).AddMinutes($timeoutMinutes)
  while ($true) {
    $rowGone = -not (Get-DpInfo)
    $shareGone = -not (Test-DpShare)
    if ($rowGone -and $shareGone) { break }
    if ((Get-Date) -ge $deadline) {
      throw ('distribution point ' + $dp + ' is not uninstalled after ' + $timeoutMinutes + ' minutes (provider row gone: ' + $rowGone + ', SMS_DP$ share gone: ' + $shareGone + '). ' +
        'Read distmgr.log on ' + $siteServer + ' ("Uninstalling distribution point files", "Removed share SMS_DP$"); the site server account must still be a local admin on the DP.')
    }
    Start-Sleep -Seconds 30
  }
  # 3. remove the site system server, unless another role still uses it
  $system = Get-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if ($system) {
    $baseRoles = @('SMS Site System', 'SMS Component Server')
    $otherRoles = @(Get-CMSiteRole -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop | Where-Object { $baseRoles -notcontains [string]$_.RoleName } | ForEach-Object { [string]$_.RoleName })
    if ($otherRoles.Count -eq 0) {
      Remove-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -Force -ErrorAction Stop
      $changes += 'site system server removed'
    } else {
      $notes += ('site system server kept: other roles remain (' + ($otherRoles -join ', ') + ')')
    }
  }
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }
  Write-Result $status ($dp + ': ' + (@($changes + $notes) -join '; '))
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

