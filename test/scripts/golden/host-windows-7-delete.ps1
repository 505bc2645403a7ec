$Config = @{
  Step = 'host-prepare/delete'
  Action = 'delete'
  Dp = 'win701.lab.local'
  Account = 'LAB\CM01$'
  Member = 'WinNT://LAB/CM01$'
  SiteServer = 'cm01.lab.local'
  MarkerName = 'site-server-admin-LAB-CM01.txt'
  SiteCode = $null
  GrantLocalAdmin = $true
  InstallFeatures = $true
  RebootIfRequired = $false
  RestartDelaySeconds = 60
  Features = @('IIS-WebServerRole', 'IIS-WebServer', 'IIS-ApplicationDevelopment', 'IIS-ISAPIExtensions', 'IIS-Security', 'IIS-WindowsAuthentication', 'IIS-WebServerManagementTools', 'IIS-IIS6ManagementCompatibility', 'IIS-Metabase', 'IIS-WMICompatibility', 'MSRDC-Infrastructure')
  HandPrepare = 'prepare the host by hand and set prepareHost: false with hostHas.features: true'
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

# behaviour-version: 1
# Prerequisite features on Windows 7 / 8 / 8.1 (PowerShell 2.0, DISM 6.1): dism.exe with every
# parent named, parents first (DISM 6.1 has no /All; names are case-sensitive there).
# Data ($Config): Features (DISM names, parents first), HandPrepare (the fix to name on failure).

function Install-Prerequisites {
  $want = @($Config.Features)
  # Installed state from WMI (locale-independent): InstallState 1 = enabled.
  $all = @(Get-WmiObject -Class Win32_OptionalFeature)
  $present = @($all | ForEach-Object { $_.Name })
  $enabled = @($all | Where-Object { $_.InstallState -eq 1 } | ForEach-Object { $_.Name })
  $unknown = @($want | Where-Object { $present -cnotcontains $_ })
  if ($unknown.Count -gt 0) {
    throw ('this Windows edition has no optional feature ' + ($unknown -join ', ') + ' (Windows Authentication needs Professional, Enterprise or Ultimate); ' + $Config.HandPrepare)
  }
  $missing = @($want | Where-Object { $enabled -cnotcontains $_ })
  $result = @{ Enabled = @(); Reboot = $false }
  if ($missing.Count -eq 0) { return $result }
  # A 32-bit PowerShell on 64-bit Windows is redirected to the 32-bit dism.exe, which cannot service the running OS.
  $dism = 'dism.exe'
  if ($env:windir) {
    $dism = Join-Path $env:windir 'System32\dism.exe'
    if ([IntPtr]::Size -eq 4 -and (Test-Path (Join-Path $env:windir 'Sysnative'))) { $dism = Join-Path $env:windir 'Sysnative\dism.exe' }
    if (-not (Test-Path $dism)) { throw ('dism.exe not found at ' + $dism) }
  }
  # Parents first, all in one call. /NoRestart: DISM must never reboot the host under us; 3010 = enabled, restart needed.
  $dismArgs = @('/Online', '/Enable-Feature') + @($missing | ForEach-Object { '/FeatureName:' + $_ }) + @('/NoRestart')
  $ErrorActionPreference = 'Continue'
  $dismOut = & $dism $dismArgs 2>&1 | Out-String
  $dismExit = $LASTEXITCODE
  $ErrorActionPreference = 'Stop'
  if ($dismExit -eq 3010) {
    $result.Reboot = $true
  } elseif ($dismExit -ne 0) {
    throw ('dism.exe /Enable-Feature exited with ' + $dismExit + ' (0x' + ('{0:X8}' -f $dismExit) + ') enabling ' + ($missing -join ', ') + '; read %windir%\Logs\DISM\dism.log. ' + (($dismOut -replace '\s+', ' ').Trim()))
  }
  $result.Enabled = $missing
  return $result
}

# behaviour-version: 1
# Runs on the DP host itself. create/update: grant the site server local admin, then install the
# missing prerequisite features (Install-Prerequisites, from this OS family's features file); a
# restart Windows asks for ends the script with 3010 (or, with RebootIfRequired, a scheduled
# restart and 0). delete: revoke the grant only -- IIS and RDC stay installed (other software may
# use them, and removing them would want a restart). Every change is preceded by a check.
# Data ($Config): Action, Dp, GrantLocalAdmin, InstallFeatures, RebootIfRequired, RestartDelaySeconds.

$dp = $Config.Dp

function Invoke-Create {
  $changes = @()
  if ($Config.GrantLocalAdmin) {
    if (Grant-SiteServerAdmin) { $changes += ($Config.Account + ' added to local Administrators') }
  }
  if ($Config.InstallFeatures) {
    $features = Install-Prerequisites
    if (@($features.Enabled).Count -gt 0) { $changes += ('enabled ' + (@($features.Enabled) -join ', ')) }
    if ($features.Reboot) {
      $done = $dp + ': ' + (@($changes + 'features waiting for a restart') -join '; ')
      if (-not $Config.RebootIfRequired) {
        Write-Result 'reboot-required' ($done + '; Windows must restart to finish: reboot ' + $dp + ' and run pulumi up again')
        exit 3010
      }
      & shutdown.exe /r /t $Config.RestartDelaySeconds /c 'pulumi-configmgr: restarting to finish installing the distribution point prerequisites (rebootIfRequired)'
      # 1190: ERROR_SHUTDOWN_IS_SCHEDULED -- a restart is already on its way, which is what we want.
      if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne 1190) { throw ('shutdown.exe /r exited with ' + $LASTEXITCODE + '; reboot ' + $dp + ' by hand and run pulumi up again') }
      Write-Result 'reboot-scheduled' ($done + '; restart of ' + $dp + ' scheduled in ' + $Config.RestartDelaySeconds + ' seconds (rebootIfRequired)')
      exit 0
    }
  }
  if ($changes.Count -eq 0) {
    Write-Result 'unchanged' ($dp + ': already prepared, nothing to change')
  } else {
    Write-Result 'changed' ($dp + ': ' + ($changes -join '; '))
  }
}

function Invoke-Delete {
  if (-not $Config.GrantLocalAdmin) {
    Write-Result 'unchanged' ($dp + ': no local admin grant to revoke; IIS and RDC left installed')
    return
  }
  $revoke = Revoke-SiteServerAdmin
  $status = 'unchanged'
  if ($revoke.Changed) { $status = 'changed' }
  Write-Result $status ($dp + ': ' + $revoke.Detail + '; IIS and RDC left installed')
}

try {
  if ($Config.Action -eq 'delete') { Invoke-Delete } else { Invoke-Create }
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
