# pulumi-configmgr: boundary-group/delete
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$step = 'boundary-group/delete'
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
  $groupName = 'Lab HQ'
  $prefix = 'pulumi-configmgr: '
  $changes = @()
  $notes = @()
  # declared boundaries: New-CMBoundary type and value, SMS_Boundary type number and stored value
  $wanted = @(
    @{ Type = 'IPSubnet'; TypeNumber = 0; Value = '192.168.1.0/24'; Stored = '192.168.1.0' }
  )
  function Get-Group {
    $rows = @(Get-SmsObject 'SMS_BoundaryGroup' ('Name = ' + (ConvertTo-WqlString $groupName)))
    if ($rows.Count -gt 0) { return $rows[0] }
    return $null
  }
  function Find-Boundary($Spec) {
    $rows = @(Get-SmsObject 'SMS_Boundary' ('BoundaryType = ' + [int]$Spec.TypeNumber + ' AND Value = ' + (ConvertTo-WqlString $Spec.Stored)))
    if ($rows.Count -gt 0) { return $rows[0] }
    return $null
  }
  function New-OwnedBoundary($Spec) {
    New-CMBoundary -BoundaryType $Spec.Type -Value $Spec.Value -DisplayName ($prefix + $Spec.Value) -ErrorAction Stop | Out-Null
    $created = Find-Boundary $Spec
    if (-not $created) { throw ('New-CMBoundary returned, but boundary ' + $Spec.Value + ' cannot be read back as ' + $Spec.Stored) }
    return $created
  }
  # Deletes a boundary only if this library created it and no boundary group uses it; returns what it did.
  function Clear-OwnedBoundary([long]$BoundaryId) {
    $rows = @(Get-SmsObject 'SMS_Boundary' ('BoundaryID = ' + $BoundaryId))
    if ($rows.Count -eq 0) { return $null }
    $name = [string]$rows[0].DisplayName
    if (-not $name.StartsWith($prefix)) { return $null }
    if (@(Get-SmsObject 'SMS_BoundaryGroupMembers' ('BoundaryID = ' + $BoundaryId)).Count -gt 0) { return $null }
    Remove-CMBoundary -Id $BoundaryId -Force -ErrorAction Stop
    return ('boundary deleted ' + $rows[0].Value)
  }
  function Test-DistributionPoint([string]$Server) {
    return (@(Get-SmsObject 'SMS_SystemResourceList' ("RoleName = 'SMS Distribution Point' AND ServerName = " + (ConvertTo-WqlString $Server))).Count -gt 0)
  }
  # boundaries to consider afterwards: the group's members and the declared ones (a re-run after a partial delete)
  $candidates = @()
  foreach ($spec in $wanted) {
    $boundary = Find-Boundary $spec
    if ($boundary) { $candidates += [long]$boundary.BoundaryID }
  }
  $group = Get-Group
  if ($group) {
    $candidates += @(Get-SmsObject 'SMS_BoundaryGroupMembers' ('GroupID = ' + [long]$group.GroupID) | ForEach-Object { [long]$_.BoundaryID })
    Remove-CMBoundaryGroup -Id ([string]$group.GroupID) -Force -ErrorAction Stop
    $changes += 'boundary group removed'
  }
  foreach ($candidate in @($candidates | Sort-Object -Unique)) {
    $deleted = Clear-OwnedBoundary $candidate
    if ($deleted) { $changes += $deleted }
  }
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }
  Write-Result $status ($groupName + ': ' + (@($changes + $notes) -join '; '))
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

