# behaviour-version: 2
# The distribution point role, run on the site server (SMS Provider): site system server, DP role,
# settings, boundary groups, and the wait until DistMgr reports the DP installed; delete takes it
# away in the documented order (remove the role, wait for DistMgr's uninstall, remove the site
# system unless other roles use it).
#
# Settings follow the ConfigMgrCBDsc pattern: Add-CMDistributionPoint with install-time values only,
# then one Set-CMDistributionPoint with [Boolean] values for what differs from what the provider
# reports; settings the provider does not report back are re-applied and listed as such.
#
# A create that failed part-way runs again (Pulumi records nothing for it): the site system and the
# role are found and kept; the settings the provider does not report back are applied when a
# marker on this site server says an earlier attempt added the role without them (below).
#
# Data ($Config): Action, Dp (FQDN), SiteCode, Names (this version's parameter names), Add
# (install-time values), Settings (desired settings), BoundaryGroups, GroupsByServerName (whether
# Set-CMBoundaryGroup has -AddSiteSystemServerName at this version), Https, TimeoutMinutes,
# PollSeconds, InstalledMessageId.


# The SMS_DistributionPointInfo row appears once HMAN has processed the new DP. Read through WMI:
# every version has the class, and "no row" is simply no result.
function Get-DpInfo {
  $rows = @(Get-SmsObject 'SMS_DistributionPointInfo' ('ServerName = ' + (ConvertTo-WqlString $dp) + ' AND SiteCode = ' + (ConvertTo-WqlString $siteCode)))
  if ($rows.Count -gt 0) { return $rows[0] }
  return $null
}

function Test-DpShare {
  # On the CM drive a UNC path needs the FileSystem provider prefix.
  return (Test-Path -LiteralPath ('FileSystem::\\' + $dp + '\SMS_DP$'))
}

# DistMgr's status messages of one id that name this DP (by FQDN or NAL path), newer than $After.
function Get-DpStatusMessages([int]$MessageId, [long]$After) {
  $found = @()
  foreach ($message in @(Get-SmsObject 'SMS_StatusMessage' ("MessageID = " + $MessageId + " AND Component = 'SMS_DISTRIBUTION_MANAGER' AND RecordID > " + $After))) {
    foreach ($insert in @(Get-SmsObject 'SMS_StatMsgInsStrings' ('RecordID = ' + [long]$message.RecordID))) {
      $text = [string]$insert.InsStrValue
      if ($text -eq $dp -or (Get-NalServer $text) -eq $dp) { $found += [long]$message.RecordID; break }
    }
  }
  return $found
}

function Get-LatestRecordId([int]$MessageId) {
  $latest = [long]0
  foreach ($message in @(Get-SmsObject 'SMS_StatusMessage' ("MessageID = " + $MessageId + " AND Component = 'SMS_DISTRIBUTION_MANAGER'"))) {
    if ([long]$message.RecordID -gt $latest) { $latest = [long]$message.RecordID }
  }
  return $latest
}

# The exact boundary group of a name (WQL '=' is exact: * ? [ in a name stay literal).
function Get-BoundaryGroupByName([string]$Name) {
  $rows = @(Get-SmsObject 'SMS_BoundaryGroup' ('Name = ' + (ConvertTo-WqlString $Name)))
  if ($rows.Count -gt 0) { return $rows[0] }
  return $null
}

# "server|rank" keys of the pull sources on the DP's site control item.
function Get-PullSourceKeys($Role) {
  $servers = @()
  $ranks = @()
  foreach ($list in @(Get-OptionalProperty $Role 'PropLists')) {
    if ($null -eq $list) { continue }
    if ($list.PropertyListName -eq 'SourceDistributionPoints') { $servers = @($list.Values) }
    if ($list.PropertyListName -eq 'SourceDPRanks') { $ranks = @($list.Values) }
  }
  $keys = @()
  for ($i = 0; $i -lt $servers.Count; $i++) {
    $rank = ''
    if ($i -lt $ranks.Count) { $rank = [string]$ranks[$i] }
    $keys += ((Get-NalServer ([string]$servers[$i])).ToLower() + '|' + $rank)
  }
  $keys | Sort-Object
}

function New-ValidationSchedule($Schedule) {
  $start = Get-Date $Schedule.At
  switch ($Schedule.Recur) {
    'daily' { return (New-CMSchedule -RecurInterval Days -RecurCount 1 -Start $start -ErrorAction Stop) }
    'weekly' { return (New-CMSchedule -DayOfWeek $Schedule.Day -RecurCount 1 -Start $start -ErrorAction Stop) }
    'last' { return (New-CMSchedule -LastDayOfMonth -RecurCount 1 -Start $start -ErrorAction Stop) }
    default { return (New-CMSchedule -DayOfMonth ([int]$Schedule.Day) -RecurCount 1 -Start $start -ErrorAction Stop) }
  }
}

function Assert-HttpsPossible($Info) {
  # HTTPS needs the DP's PKI client-authentication certificate (Set-CMDistributionPoint
  # -ClientCommunicationType Https with -CertificatePath/-CertificatePassword); the topology
  # document has no certificate field, so the library never switches a DP to HTTPS itself.
  if (-not $Config.Https) { return }
  $communication = Get-OptionalProperty $Info 'Communication'
  if ($null -eq $communication -or [int]$communication -ne 1) {
    throw ('distribution point ' + $dp + ' is declared clientConnection: https, which needs its PKI certificate (Set-CMDistributionPoint -ClientCommunicationType Https -CertificatePath <pfx> -CertificatePassword <secure string>); this library does not provision certificates. Nothing was changed: set clientConnection: http, or install the DP with its certificate in the console and run again')
  }
}

# Settings pending from an earlier attempt. Add-CMDistributionPoint and the Set-CMDistributionPoint
# after it are separate provider calls: an attempt that fails between them (or loses the Add's
# reply) leaves a role without the settings the provider does not report back, which a re-run
# cannot compare. A marker file on this site server, written before the Add (with the status
# message RecordID after which DistMgr's 2399 counts) and removed once the settings are applied,
# tells the next create to apply them, as the local-admin grant's marker does on the DP host.
# The current location is the site drive: the marker's paths name the FileSystem provider.
function Get-MarkerFolder {
  $root = $env:ProgramData
  if (-not $root) { $root = $env:ALLUSERSPROFILE }
  return (Join-Path $root 'pulumi-configmgr')
}

function Set-SettingsPending([long]$After) {
  if ($Config.AdoptOnly) { return }
  $folder = 'FileSystem::' + $markerFolder
  if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
  Set-Content -LiteralPath $settingsMarker -Value @(('settings of distribution point ' + $dp + ' pending: written by pulumi-configmgr before Add-CMDistributionPoint'), ('after-record-id=' + $After)) -Encoding ASCII
}

# $null: no settings pending; else the RecordID after which DistMgr's 2399 counts for that role.
function Get-SettingsPending {
  if (-not (Test-Path -LiteralPath $settingsMarker)) { return $null }
  $after = [long]0
  foreach ($line in @(Get-Content -LiteralPath $settingsMarker)) {
    if ([string]$line -match '^after-record-id=(\d+)$') { $after = [long]$matches[1] }
  }
  return $after
}

function Clear-SettingsPending {
  if ($Config.AdoptOnly) { return }
  if (Test-Path -LiteralPath $settingsMarker) { Remove-Item -LiteralPath $settingsMarker -Force }
}

# ---------------------------------------------------------------------------------------------

function Install-SiteSystem {
  $system = Get-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  $proxy = $Config.Proxy
  if (-not $system) {
    $new = @{ SiteCode = $siteCode }
    $new[$names.NewSiteSystemServer] = $dp
    if ($Config.InstallationAccount) { $new['AccountName'] = $Config.InstallationAccount }
    elseif ($Config.UseSiteServerAccount) { $new['UseSiteServerAccount'] = $true }
    if ($proxy) { $new['EnableProxy'] = $true; $new['ProxyServerName'] = $proxy.Server; $new['ProxyServerPort'] = $proxy.Port }
    New-CMSiteSystemServer @new -ErrorAction Stop | Out-Null
    [void]$changes.Add('site system server created')
    return
  }
  # The installation account of an existing site system is left as it is.
  if ($proxy) {
    if ((Test-Differs (Get-EmbeddedValue $system 'UseProxy' 'Value') $true) -or
        (Test-Differs (Get-EmbeddedValue $system 'ProxyName' 'Value2') $proxy.Server) -or
        (Test-Differs (Get-EmbeddedValue $system 'ProxyServerPort' 'Value') $proxy.Port)) {
      Set-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -EnableProxy $true -ProxyServerName $proxy.Server -ProxyServerPort $proxy.Port -ErrorAction Stop
      [void]$changes.Add('site system proxy set')
    }
  } elseif ([bool](Get-EmbeddedValue $system 'UseProxy' 'Value')) {
    Set-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -EnableProxy $false -ErrorAction Stop
    [void]$changes.Add('site system proxy removed')
  }
}

# Adds the role when missing; returns the RecordID after which DistMgr's 2399 counts.
function Install-DpRole {
  $add = $Config.Add
  $params = @{
    SiteSystemServerName = $dp
    SiteCode = $siteCode
    CertificateExpirationTimeUtc = [DateTime]::UtcNow.AddYears(2)
    MinimumFreeSpaceMB = $add.MinimumFreeSpaceMB
    ClientConnectionType = $add.ClientConnectionType
  }
  foreach ($drive in $add.Drives.Keys) { $params[$drive] = $add.Drives[$drive] }
  if ($add.InstallInternetServer) { $params['InstallInternetServer'] = $true }
  if ($add.Description) { $params['Description'] = $add.Description }
  if ($add.Pull) {
    $params['EnablePullDP'] = $true
    $params[$names.SourceDps] = [string[]]$add.Pull.Servers
    $params[$names.SourceRanks] = [int[]]$add.Pull.Ranks
  }
  # Only messages newer than the ones already there count for a role added now.
  $baseline = Get-LatestRecordId $Config.InstalledMessageId
  Set-SettingsPending $baseline
  Add-CMDistributionPoint @params -ErrorAction Stop | Out-Null
  [void]$changes.Add('distribution point role added')
  $role = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if (-not $role) { throw ('Add-CMDistributionPoint returned, but the site has no distribution point role for ' + $dp) }
  return $baseline
}

# $ApplyUnreadable: also set what the provider does not report back (schedule, priority, multicast
# ranges, connection type, PXE password): when the role was just added, and on update (the
# declared inputs changed). A plain re-run of create changes nothing it cannot see.
function Set-DpSettings([bool]$ApplyUnreadable) {
  $role = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  $info = Get-DpInfo
  $set = @{}
  $changed = New-Object System.Collections.ArrayList
  # Compare: each entry names the Set- parameter, where the provider reports it, the wanted value.
  foreach ($entry in $Config.Settings.Compare) {
    if ($entry.ContainsKey('Embedded')) { $current = Get-EmbeddedValue $role $entry.Embedded 'Value' } else { $current = Get-OptionalProperty $info $entry.Info }
    if ($entry.ContainsKey('Off')) {
      if ([bool]$current) { $set[$entry.Param] = $false; [void]$changed.Add($entry.Param) }
    } elseif (Test-Differs $current $entry.Desired) {
      $set[$entry.Param] = $entry.Value
      [void]$changed.Add($entry.Param)
    }
  }
  if ($ApplyUnreadable) {
    foreach ($key in $Config.Settings.Always.Keys) { $set[$key] = $Config.Settings.Always[$key] }
    if ($Config.Settings.Schedule) { $set[$names.ContentValidationSchedule] = New-ValidationSchedule $Config.Settings.Schedule }
    if ($Config.Settings.ContainsKey('PxePassword')) {
      # The only place the secret is used; the whole script travels on stdin as a secret. It is
      # never printed.
      $set[$names.PxePassword] = ConvertTo-SecureString -String $Config.Settings.PxePassword -AsPlainText -Force
    }
  }
  if ($Config.Add.Pull) {
    $wantedSources = @($Config.Settings.PullKeys | Sort-Object)
    if ((@(Get-PullSourceKeys $role) -join ';') -ne ($wantedSources -join ';')) {
      $set[$names.SourceDps] = [string[]]$Config.Add.Pull.Servers
      $set[$names.SourceRanks] = [int[]]$Config.Add.Pull.Ranks
      [void]$changed.Add($names.SourceDps)
    }
  }
  Sync-BoundaryGroups $set $changed
  if ($set.Count -gt 0) {
    Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode @set -ErrorAction Stop
  }
  if ($changed.Count -gt 0) { [void]$changes.Add('changed ' + (@($changed) -join ', ')) }
  $reapplied = @($set.Keys | Where-Object { $changed -notcontains $_ } | Sort-Object)
  if ($reapplied.Count -gt 0) { [void]$notes.Add('applied (not readable back) ' + ($reapplied -join ', ')) }
}

# Exactly the declared boundary groups, read from SMS_BoundaryGroupSiteSystems. From the version
# whose Set-CMBoundaryGroup takes -AddSiteSystemServerName the DP is attached to each group by the
# group's ID (exact); before it, through Set-CMDistributionPoint -AddBoundaryGroupName (the only
# way 2012 SP1/R2 and 1610 have).
function Sync-BoundaryGroups($Set, $Changed) {
  $wanted = @($Config.BoundaryGroups)
  $current = @()
  foreach ($link in @(Get-SmsObject 'SMS_BoundaryGroupSiteSystems' ('SiteCode = ' + (ConvertTo-WqlString $siteCode)))) {
    if ((Get-NalServer ([string]$link.ServerNALPath)) -ne $dp) { continue }
    foreach ($group in @(Get-SmsObject 'SMS_BoundaryGroup' ('GroupID = ' + [long]$link.GroupID))) { $current += [string]$group.Name }
  }
  $add = @($wanted | Where-Object { $current -notcontains $_ })
  $remove = @($current | Where-Object { $wanted -notcontains $_ })
  foreach ($name in $add) {
    if (-not (Get-BoundaryGroupByName $name)) { throw ('boundary group ' + $name + ' does not exist on site ' + $providerSiteCode + '; its own boundary-group step creates it first') }
  }
  if ($Config.GroupsByServerName) {
    foreach ($name in $add) {
      Set-CMBoundaryGroup -Id ([string](Get-BoundaryGroupByName $name).GroupID) -AddSiteSystemServerName @($dp) -ErrorAction Stop
    }
    foreach ($name in $remove) {
      Set-CMBoundaryGroup -Id ([string](Get-BoundaryGroupByName $name).GroupID) -RemoveSiteSystemServerName @($dp) -ErrorAction Stop
    }
  } else {
    if ($add.Count -gt 0) { $Set['AddBoundaryGroupName'] = [string[]]$add }
    if ($remove.Count -gt 0) { $Set['RemoveBoundaryGroupName'] = [string[]]$remove }
  }
  if ($add.Count -gt 0) { [void]$Changed.Add('boundary groups added ' + ($add -join ', ')) }
  if ($remove.Count -gt 0) { [void]$Changed.Add('boundary groups removed ' + ($remove -join ', ')) }
}

# DistMgr installs after Add-CMDistributionPoint returns: the provider row and the SMS_DP$ share
# appear early (before IIS, the DP WMI provider and the virtual directories); only status message
# 2399 from SMS_DISTRIBUTION_MANAGER naming this DP means installed -- on a re-run too.
function Wait-DpInstalled([long]$After) {
  $deadline = (Get-Date).AddMinutes($Config.TimeoutMinutes)
  while ($true) {
    $installed = @(Get-DpStatusMessages $Config.InstalledMessageId $After).Count -gt 0
    if ($installed) { return }
    if ((Get-Date) -ge $deadline) {
      $rowOk = [bool](Get-DpInfo)
      $shareOk = Test-DpShare
      throw ('distribution point ' + $dp + ' is not installed after ' + $Config.TimeoutMinutes + ' minutes: no DistMgr status message ' + $Config.InstalledMessageId + ' for it (provider row: ' + $rowOk + ', SMS_DP$ share: ' + $shareOk + '). ' +
        'Read distmgr.log on ' + $siteServer + ' and smsdpprov.log on the DP (\\' + $dp + '\SMS_DP$\sms\logs); the site server account must be a local admin on the DP and IIS 6 WMI/metabase compatibility installed. ' +
        'Status messages older than the site''s "Delete Aged Status Messages" age are gone: if the DP was installed long ago, check its state in the console (Distribution Point Configuration Status)')
    }
    Start-Sleep -Seconds $Config.PollSeconds
  }
}

function Invoke-Apply {
  Assert-HttpsPossible (Get-DpInfo)
  Install-SiteSystem
  $after = [long]0
  $added = $false
  $pending = Get-SettingsPending
  $role = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if (-not $role) {
    $after = Install-DpRole
    $added = $true
  } elseif ($null -ne $pending) {
    # An earlier attempt added this role and failed before its settings were applied.
    $after = $pending
    [void]$changes.Add('applied the settings an earlier attempt left unapplied')
  }
  Set-DpSettings ($added -or $null -ne $pending -or $Config.Action -eq 'update')
  Clear-SettingsPending
  Wait-DpInstalled $after
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; [void]$changes.Add('no change') }
  Write-Result $status ($dp + ': ' + (@(@($changes) + @($notes) + 'installed and ready') -join '; '))
}

function Invoke-Delete {
  $role = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if ($role) {
    Remove-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -Force -ErrorAction Stop
    [void]$changes.Add('distribution point role removed')
  }
  # Wait until DistMgr has uninstalled it (a large content library takes long).
  $deadline = (Get-Date).AddMinutes($Config.TimeoutMinutes)
  while ($true) {
    $rowGone = -not (Get-DpInfo)
    $shareGone = -not (Test-DpShare)
    if ($rowGone -and $shareGone) { break }
    if ((Get-Date) -ge $deadline) {
      throw ('distribution point ' + $dp + ' is not uninstalled after ' + $Config.TimeoutMinutes + ' minutes (provider row gone: ' + $rowGone + ', SMS_DP$ share gone: ' + $shareGone + '). ' +
        'Read distmgr.log on ' + $siteServer + ' ("Uninstalling distribution point files", "Removed share SMS_DP$"); the site server account must still be a local admin on the DP.')
    }
    Start-Sleep -Seconds $Config.PollSeconds
  }
  # Remove the site system server, unless another role still uses it.
  $system = Get-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop
  if ($system) {
    $otherRoles = @(Get-OtherSiteRoles $dp $siteCode @())
    if ($otherRoles.Count -eq 0) {
      Remove-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -Force -ErrorAction Stop
      [void]$changes.Add('site system server removed')
    } else {
      [void]$notes.Add('site system server kept: other roles remain (' + ($otherRoles -join ', ') + ')')
    }
  }
  Clear-SettingsPending
  $status = 'changed'
  if ($changes.Count -eq 0) { $status = 'unchanged'; [void]$changes.Add('already removed') }
  Write-Result $status ($dp + ': ' + (@(@($changes) + @($notes)) -join '; '))
}

try {
  $dp = $Config.Dp
  $changes = New-Object System.Collections.ArrayList
  $notes = New-Object System.Collections.ArrayList
  $names = $null
  $markerFolder = Get-MarkerFolder
  $settingsMarker = 'FileSystem::' + (Join-Path $markerFolder ('dp-settings-pending-' + $Config.SiteCode + '-' + $dp + '.txt'))
  if ($Config.Action -ne 'delete') {
    foreach ($note in @($Config.Notes)) { [void]$notes.Add($note) }
    $names = $Config.Names
  }
  Connect-SmsProvider
  if ($Config.Action -eq 'delete') { Invoke-Delete } else { Invoke-Apply }
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
