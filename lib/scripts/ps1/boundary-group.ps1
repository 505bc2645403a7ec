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
