# behaviour-version: 1
# The site server's computer account in the DP host's local Administrators group. The group is
# found by its well-known SID S-1-5-32-544 (its name is localised or may be renamed) and bound
# through ADSI WinNT://, which works from PowerShell 2.0 on and does not trip over orphaned SIDs
# like Get-LocalGroupMember does.
#
# The grant leaves a marker file on the host (written before the change, removed after the revoke):
# destroy revokes only a membership this library added, and never while other roles of the site
# remain on the host (the site's installation account needs local admin for every site-system role).
# Data ($Config): Account (DOMAIN\NAME$), Member (WinNT://DOMAIN/NAME$), SiteServer, SiteCode ($null:
# read from the SMS Provider's SMS_ProviderLocation), Dp, MarkerName.

function Get-AdminsGroup {
  $group = @(Get-WmiObject -Class Win32_Group -Filter "LocalAccount = TRUE AND SID = 'S-1-5-32-544'")
  if ($group.Count -eq 0) { throw ('the local Administrators group (SID S-1-5-32-544) was not found on ' + $env:COMPUTERNAME) }
  return [string]$group[0].Name
}

function Get-MarkerPath {
  $root = $env:ProgramData
  if (-not $root) { $root = $env:ALLUSERSPROFILE }
  return (Join-Path (Join-Path $root 'pulumi-configmgr') $Config.MarkerName)
}

function Invoke-AdminChange([string]$Verb, [scriptblock]$Change) {
  $name = Get-AdminsGroup
  $admins = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $name + ',group')
  try {
    & $Change $admins
  } catch {
    throw ('could not ' + $Verb + ' ' + $Config.Account + ' (the computer account of site server ' + $Config.SiteServer + ') in local group ' + $name + ': ' + $_.Exception.Message + ' (is this host in the domain, with a healthy secure channel? Test-ComputerSecureChannel)')
  }
}

# Returns whether this run added the account.
function Grant-SiteServerAdmin {
  $result = @{ Changed = $false }
  Invoke-AdminChange 'add' {
    param($admins)
    if (-not $admins.IsMember($Config.Member)) {
      $marker = Get-MarkerPath
      $folder = Split-Path -Path $marker -Parent
      if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
      Set-Content -LiteralPath $marker -Value ('added by pulumi-configmgr: ' + $Config.Account) -Encoding ASCII
      $admins.Add($Config.Member)
      $result.Changed = $true
    }
  }
  return $result.Changed
}

# The site's roles still on this host, read from the site server's SMS Provider.
function Get-SiteRolesOnHost {
  $code = $Config.SiteCode
  if (-not $code) {
    $location = @(Get-WmiObject -ComputerName $Config.SiteServer -Namespace 'root\SMS' -Class SMS_ProviderLocation -ErrorAction Stop | Where-Object { $_.ProviderForLocalSite })
    if ($location.Count -eq 0) { throw ('no SMS Provider location on ' + $Config.SiteServer) }
    $code = [string]$location[0].SiteCode
  }
  $filter = 'ServerName = ' + "'" + ($Config.Dp -replace "'", "\'") + "'"
  @(Get-WmiObject -ComputerName $Config.SiteServer -Namespace ('root\SMS\site_' + $code) -Class SMS_SystemResourceList -Filter $filter -ErrorAction Stop |
    Where-Object { @('SMS Site System', 'SMS Component Server') -notcontains [string]$_.RoleName } | ForEach-Object { [string]$_.RoleName })
}

# Returns what the revoke did, as a sentence for the result line.
function Revoke-SiteServerAdmin {
  $marker = Get-MarkerPath
  if (-not (Test-Path -LiteralPath $marker)) {
    return @{ Changed = $false; Detail = ($Config.Account + ' left in local Administrators: it was not added by this library') }
  }
  try {
    $roles = @(Get-SiteRolesOnHost)
  } catch {
    return @{ Changed = $false; Detail = ($Config.Account + ' kept in local Administrators: the site''s roles on this host could not be read from ' + $Config.SiteServer + ' (' + $_.Exception.Message + '); remove it by hand once no role of the site remains here') }
  }
  if ($roles.Count -gt 0) {
    return @{ Changed = $false; Detail = ($Config.Account + ' kept in local Administrators: site roles remain on this host (' + ($roles -join ', ') + ')') }
  }
  $result = @{ Changed = $false }
  Invoke-AdminChange 'remove' {
    param($admins)
    if ($admins.IsMember($Config.Member)) {
      $admins.Remove($Config.Member)
      $result.Changed = $true
    }
  }
  Remove-Item -LiteralPath $marker -Force
  if ($result.Changed) { return @{ Changed = $true; Detail = ($Config.Account + ' removed from local Administrators') } }
  return @{ Changed = $false; Detail = ($Config.Account + ' is not in local Administrators') }
}
