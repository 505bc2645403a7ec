$Config = @{
  Step = 'boundary-group/delete'
  Action = 'delete'
  Version = '2012 SP1'
  SiteCode = 'P01'
  SiteServer = 'cm01.lab.local'
  ProviderSiteCode = 'P01'
  CmModule = $true
  DriveAttempts = 5
  DriveRetrySeconds = 10
  AdoptOnly = $false
  GroupName = 'Lab HQ'
  Prefix = 'pulumi-configmgr: '
  Description = $null
  AssignedSite = 'P01'
  CanClearSite = $false
  Boundaries = @(@{
      Type = 'IPSubnet'
      TypeNumber = 0
      Value = '192.168.1.0/24'
      Stored = '192.168.1.0'
    })
  SiteSystems = @('win701.lab.local')
  GroupsByServerName = $false
}
# behaviour-version: 2
# pulumi-configmgr common helpers: every step script starts with these (after its $Config block).
# Windows PowerShell 2.0-safe. $Config is the data block the generator places before this text.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

# The one machine-readable result line of a script (key=value: PowerShell 2.0 has no JSON cmdlets).
# In adopt-only mode (site-server.ps1, Enable-AdoptOnly) a step that would have changed something
# fails instead, listing the calls it did not make, whatever it was about to report.
function Write-Result([string]$Status, [string]$Detail) {
  if ((Test-Path -Path 'variable:global:AdoptDifferences') -and $global:AdoptDifferences.Count -gt 0) {
    $calls = @($global:AdoptDifferences) -join '; '
    Write-Output ('CONFIGMGR-RESULT step=' + $Config.Step + ' status=failed detail=adopt only: the estate differs from the document, nothing was changed; pulumi up would call ' + $calls + ' (pulumi-configmgr drift shows the differences: correct the document, or turn adoptOnly off to apply it)')
    exit 1
  }
  Write-Output ('CONFIGMGR-RESULT step=' + $Config.Step + ' status=' + $Status + ' detail=' + ($Detail -replace '[\r\n]+', ' '))
}

# A property that older versions may not have ($null then; StrictMode-safe).
function Get-OptionalProperty($Object, [string]$Name) {
  if ($null -eq $Object) { return $null }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return $property.Value }
  return $null
}

# A failure outside a step's own try/catch still ends with one result line and exit 1.
trap {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

# Whether a value read back differs from the wanted one ($null = unknown = differs).
function Test-Differs($Current, $Desired) {
  if ($null -eq $Current) { return $true }
  return ($Desired -ne ($Current -as $Desired.GetType()))
}

# behaviour-version: 2
# Site-server helpers (Windows PowerShell 5.1 with the ConfigMgr console; the 2012 SP1 console's
# module also runs on 2.0/3.0): load the ConfigurationManager module without prompts, connect the
# CMSite drive, and read the SMS Provider's WMI classes. Reads that must be exact (names with
# wildcard characters, objects of every version) go to WMI with WQL '=' filters; every change goes
# through a ConfigMgr cmdlet with -ErrorAction Stop.
# Data: $Config.SiteCode, .SiteServer, .ProviderSiteCode (the SMS Provider's site: a secondary
# site has none, its objects are managed through its parent primary's), .CmModule ($false for
# ConfigMgr 2012 RTM, whose cmdlet library does not exist: the reference starts at 2012 SP1),
# .AdoptOnly (record changing cmdlets instead of running them: Enable-AdoptOnly).

$siteCode = $Config.SiteCode
$siteServer = $Config.SiteServer
$providerSiteCode = $Config.ProviderSiteCode

function Connect-SmsProvider {
  if (-not $Config.CmModule) {
    throw ('ConfigMgr ' + $Config.Version + ' has no ConfigurationManager PowerShell module (the cmdlet library starts with System Center 2012 Configuration Manager SP1): update site ' + $providerSiteCode + ' to SP1 or later, or provision this object by hand and set provision: false')
  }
  $global:ProgressPreference = 'SilentlyContinue'
  # 1610+ Get-CM* cmdlets warn when -Fast is not used; the warning would land in stdout.
  $global:CMPSSuppressFastNotUsedCheck = $true
  if (-not (Get-Module -Name ConfigurationManager)) {
    $cmModule = $null
    if ($env:SMS_ADMIN_UI_PATH) {
      # SMS_ADMIN_UI_PATH is ...\AdminConsole\bin\i386; the module sits in its parent.
      $candidate = Join-Path -Path (Split-Path -Path $env:SMS_ADMIN_UI_PATH -Parent) -ChildPath 'ConfigurationManager.psd1'
      if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }
    }
    if (-not $cmModule -and (Test-Path -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE')) {
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
      Import-Module -Name $cmModule -Global -ErrorAction Stop
    } else {
      # From 2111 the console puts its folder on PSModulePath.
      Import-Module -Name ConfigurationManager -Global -ErrorAction Stop
    }
  }
  $siteDrive = Get-PSDrive -Name $providerSiteCode -PSProvider CMSite -ErrorAction SilentlyContinue
  $attempt = 0
  while (-not $siteDrive) {
    $attempt++
    try {
      $siteDrive = New-PSDrive -Name $providerSiteCode -PSProvider CMSite -Root $siteServer -Scope Global -ErrorAction Stop
    } catch {
      if ($attempt -ge $Config.DriveAttempts) { throw ('cannot connect to the SMS Provider on ' + $siteServer + ' for site ' + $providerSiteCode + ': ' + $_.Exception.Message) }
      Start-Sleep -Seconds $Config.DriveRetrySeconds
    }
  }
  Set-Location -Path ($providerSiteCode + ':')
  if ($Config.AdoptOnly) { Enable-AdoptOnly }
}

# Adopt only: the estate is taken as it is. Every changing cmdlet of the ConfigurationManager
# module (a global function takes precedence over a cmdlet of the same name) is replaced by one
# that records the call instead of making it; Write-Result (common.ps1) then fails the step with
# the list. Set-/Remove- calls are collected to the end, so the list is whole; a New-/Add- call
# stops the step at once, because what follows would read an object that was not made.
function Enable-AdoptOnly {
  $global:AdoptDifferences = New-Object System.Collections.ArrayList
  $builders = @('New-CMSchedule', 'New-CMInstallationSourceFile', 'New-CMSqlServerSetting')
  $changing = @('New', 'Set', 'Add', 'Remove', 'Install', 'Uninstall', 'Start', 'Stop', 'Import', 'Move', 'Update', 'Enable', 'Disable')
  foreach ($command in @(Get-Command -Module ConfigurationManager -ErrorAction SilentlyContinue)) {
    if ($changing -notcontains $command.Verb -or $builders -contains $command.Name) { continue }
    Set-Item -Path ('function:global:' + $command.Name) -Value {
      # Parameter names only: a value may be a secret (a PXE password).
      $names = @($args | Where-Object { $_ -is [string] -and $_ -match '^-[A-Za-z]' } | ForEach-Object { $_.TrimEnd(':') })
      $call = ($MyInvocation.MyCommand.Name + ' ' + ($names -join ' ')).Trim()
      [void]$global:AdoptDifferences.Add($call)
      if ($MyInvocation.MyCommand.Name -match '^(New|Add)-') { throw ('adopt only: ' + $call + ' would be needed') }
    }
  }
}

# Instances of an SMS Provider class (WMI), with an optional WQL filter.
function Get-SmsObject([string]$Class, [string]$Filter) {
  $query = @{ ComputerName = $siteServer; Namespace = ('root\SMS\site_' + $providerSiteCode); Class = $Class; ErrorAction = 'Stop' }
  if ($Filter) { $query['Filter'] = $Filter }
  Get-WmiObject @query
}

# A quoted WQL literal (backslash and quote escaped) for a runtime value; '=' compares exactly.
function ConvertTo-WqlString([string]$Value) {
  "'" + ($Value -replace '\\', '\\' -replace "'", "\'") + "'"
}

# Value/Value1/Value2 of a site control item's embedded property (.Props).
function Get-EmbeddedValue($Object, [string]$Name, [string]$Field) {
  foreach ($prop in @(Get-OptionalProperty $Object 'Props')) {
    if ($null -ne $prop -and $prop.PropertyName -eq $Name) { return (Get-OptionalProperty $prop $Field) }
  }
  return $null
}

# The server name inside a NAL path (["Display=\\dp\"]MSWNET:[...]\\dp\).
function Get-NalServer([string]$NalPath) {
  if ($NalPath -match '\\\\([^\\]+)\\') { return $matches[1] }
  return $NalPath
}

# The roles of a server in SMS_SystemResourceList, except the two every site system has.
function Get-OtherSiteRoles([string]$Server, [string]$RoleSiteCode, [string[]]$Except) {
  $skip = @('SMS Site System', 'SMS Component Server') + @($Except)
  @(Get-SmsObject 'SMS_SystemResourceList' ('ServerName = ' + (ConvertTo-WqlString $Server) + ' AND SiteCode = ' + (ConvertTo-WqlString $RoleSiteCode)) |
    Where-Object { $skip -notcontains [string]$_.RoleName } | ForEach-Object { [string]$_.RoleName })
}

# behaviour-version: 1
# One boundary group on a primary (or CAS) site server: the group, its site assignment, exactly
# the declared boundaries, and the distribution points attached to it. Boundaries are
# hierarchy-wide and may be shared, so the library names the ones it creates with $Config.Prefix
# and only ever deletes those, and only when no boundary group uses them any more.
# Everything is looked up by WQL '=' and changed by ID: names with * ? [ stay literal.
#
# Data ($Config): Action, GroupName, Prefix, Description, AssignedSite, CanClearSite, Boundaries
# (Type, TypeNumber, Value, Stored), SiteSystems ($null = not managed here), GroupsByServerName
# (whether Set-CMBoundaryGroup has -AddSiteSystemServerName at this version), CanClearSite.

$groupName = $Config.GroupName
$prefix = $Config.Prefix
$changes = New-Object System.Collections.ArrayList
$notes = New-Object System.Collections.ArrayList

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
  # -Type/-Value/-Name exist from 2012 SP1 on (jj821862; aliases BoundaryType, DisplayName).
  New-CMBoundary -Type $Spec.Type -Value $Spec.Value -Name ($prefix + $Spec.Value) -ErrorAction Stop | Out-Null
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

# The site code of a server's distribution point role ($null: it has none).
function Get-DpSiteCode([string]$Server) {
  $rows = @(Get-SmsObject 'SMS_SystemResourceList' ("RoleName = 'SMS Distribution Point' AND ServerName = " + (ConvertTo-WqlString $Server)))
  if ($rows.Count -gt 0) { return [string]$rows[0].SiteCode }
  return $null
}

function Sync-Group {
  $group = Get-Group
  if (-not $group) {
    $new = @{ Name = $groupName }
    if ($null -ne $Config.Description) { $new['Description'] = $Config.Description }
    if ($null -ne $Config.AssignedSite) { $new['DefaultSiteCode'] = $Config.AssignedSite }
    New-CMBoundaryGroup @new -ErrorAction Stop | Out-Null
    [void]$changes.Add('boundary group created')
    # New-CMBoundaryGroup returns an unpopulated object: read the group back.
    $group = Get-Group
    if (-not $group) { throw ('New-CMBoundaryGroup returned, but boundary group ' + $groupName + ' cannot be read back') }
    return $group
  }
  $groupSet = @{}
  if ($null -ne $Config.AssignedSite) {
    if (Test-Differs ([string]$group.DefaultSiteCode) $Config.AssignedSite) { $groupSet['DefaultSiteCode'] = $Config.AssignedSite }
  } elseif ([string]$group.DefaultSiteCode) {
    # -DefaultSiteCode $null turns site assignment off (works from 1610).
    if ($Config.CanClearSite) { $groupSet['DefaultSiteCode'] = $null }
    else { [void]$notes.Add('site assignment left on: this version cannot clear -DefaultSiteCode') }
  }
  if ($null -ne $Config.Description -and (Test-Differs ([string]$group.Description) $Config.Description)) { $groupSet['Description'] = $Config.Description }
  if ($groupSet.Count -gt 0) {
    Set-CMBoundaryGroup -Id ([string]$group.GroupID) @groupSet -ErrorAction Stop
    [void]$changes.Add('changed ' + (@($groupSet.Keys | Sort-Object) -join ', '))
  }
  return $group
}

function Sync-Boundaries([long]$GroupId) {
  $memberIds = @(Get-SmsObject 'SMS_BoundaryGroupMembers' ('GroupID = ' + $GroupId) | ForEach-Object { [long]$_.BoundaryID })
  $wantedIds = @()
  foreach ($spec in $Config.Boundaries) {
    $boundary = Find-Boundary $spec
    if (-not $boundary) {
      $boundary = New-OwnedBoundary $spec
      [void]$changes.Add('boundary created ' + $spec.Value)
    }
    $boundaryId = [long]$boundary.BoundaryID
    $wantedIds += $boundaryId
    if ($memberIds -notcontains $boundaryId) {
      Add-CMBoundaryToGroup -BoundaryGroupId $GroupId -BoundaryId $boundaryId -ErrorAction Stop
      [void]$changes.Add('boundary added ' + $spec.Value)
    }
  }
  foreach ($memberId in $memberIds) {
    if ($wantedIds -contains $memberId) { continue }
    Remove-CMBoundaryFromGroup -BoundaryGroupId $GroupId -BoundaryId $memberId -Force -ErrorAction Stop
    [void]$changes.Add('boundary ' + $memberId + ' removed from the group')
    $deleted = Clear-OwnedBoundary $memberId
    if ($deleted) { [void]$changes.Add($deleted) }
  }
}

# The declared distribution points; other roles (MP, SUP ...) attached by hand stay. 2012 SP1/R2
# Set-CMBoundaryGroup has no site-system parameters (and 1610's no name list): there a DP joins or
# leaves a group through Set-CMDistributionPoint -AddBoundaryGroupName / -RemoveBoundaryGroupName.
function Sync-SiteSystems([long]$GroupId) {
  if ($null -eq $Config.SiteSystems) { return }
  $wanted = @($Config.SiteSystems)
  $current = @(Get-SmsObject 'SMS_BoundaryGroupSiteSystems' ('GroupID = ' + $GroupId) | ForEach-Object { (Get-NalServer ([string]$_.ServerNALPath)).ToLower() })
  $attach = @()
  foreach ($server in $wanted) {
    if ($current -contains $server) { continue }
    # A DP whose role does not exist yet is attached by its own role step.
    if (Get-DpSiteCode $server) { $attach += $server } else { [void]$notes.Add($server + ' has no distribution point role yet') }
  }
  $detach = @($current | Where-Object { $wanted -notcontains $_ } | Where-Object { Get-DpSiteCode $_ })
  foreach ($server in $attach) {
    if ($Config.GroupsByServerName) { Set-CMBoundaryGroup -Id ([string]$GroupId) -AddSiteSystemServerName @($server) -ErrorAction Stop }
    else { Set-CMDistributionPoint -SiteSystemServerName $server -SiteCode (Get-DpSiteCode $server) -AddBoundaryGroupName @($groupName) -ErrorAction Stop }
  }
  foreach ($server in $detach) {
    if ($Config.GroupsByServerName) { Set-CMBoundaryGroup -Id ([string]$GroupId) -RemoveSiteSystemServerName @($server) -ErrorAction Stop }
    else { Set-CMDistributionPoint -SiteSystemServerName $server -SiteCode (Get-DpSiteCode $server) -RemoveBoundaryGroupName @($groupName) -ErrorAction Stop }
  }
  if ($attach.Count -gt 0) { [void]$changes.Add('site systems attached ' + ($attach -join ', ')) }
  if ($detach.Count -gt 0) { [void]$changes.Add('site systems detached ' + ($detach -join ', ')) }
}

function Invoke-Apply {
  $group = Sync-Group
  $groupId = [long]$group.GroupID
  Sync-Boundaries $groupId
  Sync-SiteSystems $groupId
}

function Invoke-Delete {
  # Boundaries to consider afterwards: the group's members and the declared ones (a re-run after a partial delete).
  $candidates = @()
  foreach ($spec in $Config.Boundaries) {
    $boundary = Find-Boundary $spec
    if ($boundary) { $candidates += [long]$boundary.BoundaryID }
  }
  $group = Get-Group
  if ($group) {
    $candidates += @(Get-SmsObject 'SMS_BoundaryGroupMembers' ('GroupID = ' + [long]$group.GroupID) | ForEach-Object { [long]$_.BoundaryID })
    Remove-CMBoundaryGroup -Id ([string]$group.GroupID) -Force -ErrorAction Stop
    [void]$changes.Add('boundary group removed')
  }
  foreach ($candidate in @($candidates | Sort-Object -Unique)) {
    $deleted = Clear-OwnedBoundary $candidate
    if ($deleted) { [void]$changes.Add($deleted) }
  }
}

try {
  Connect-SmsProvider
  if ($Config.Action -eq 'delete') { Invoke-Delete; $none = 'already removed' } else { Invoke-Apply; $none = 'no change' }
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; [void]$changes.Add($none) }
  Write-Result $status ($groupName + ': ' + (@(@($changes) + @($notes)) -join '; '))
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
