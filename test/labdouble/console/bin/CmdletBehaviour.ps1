# What the double's ConfigMgr cmdlets do once PowerShell has bound their parameters. Dot-sourced
# by ConfigurationManager.psm1. Parameter names are normalised first: the 2012-era names (and
# those that became aliases later) map to today's, so one behaviour serves every version.

$script:Renames = @{
    EnablePxeSupport = 'EnablePxe'; AllowRespondIncomingPxeRequest = 'AllowPxeResponse'; ComputersUsePxePassword = 'PxePassword'
    PxeServerResponseDelaySeconds = 'PxeServerResponseDelaySec'; EnableValidateContent = 'EnableContentValidation'
    ValidateContentSchedule = 'ContentValidationSchedule'; SourceDistributionPoints = 'SourceDistributionPoint'; SourceDPRanks = 'SourceDPRank'
    SessionStartDelayMinutes = 'SessionStartDelayMins'; EnableScheduledMultiCast = 'EnableScheduledMulticast'; ServerName = 'SiteSystemServerName'
    ClientTransfterRate = 'ClientTransferRate'
}

# Calls that only build an object in memory (no change on the site).
$script:NotChanging = @('New-CMSchedule', 'New-CMInstallationSourceFile', 'New-CMSqlServerSetting')

function New-CMError([string]$Message, [string]$Category = 'InvalidOperation') {
    return [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), 'ItemNotFound,Microsoft.ConfigurationManagement.Cmdlets', $Category, $null)
}

function Invoke-CMDoubleCmdlet([string]$Name, $Cmdlet, $Bound) {
    $b = @{}
    foreach ($k in @($Bound.Keys)) {
        # -ServerName is the 2012-era name of the site system cmdlets' -SiteSystemServerName only.
        $rename = $script:Renames.ContainsKey($k) -and ($k -ne 'ServerName' -or $Name -like '*-CMSiteSystemServer')
        $n = if ($rename) { $script:Renames[$k] } else { $k }
        $b[$n] = $Bound[$k]
    }
    $verb = $Name.Split('-')[0]
    $changing = ($verb -in 'Add', 'New', 'Set', 'Remove') -and ($script:NotChanging -notcontains $Name)
    $onDrive = Test-OnCmDrive
    $whatIf = $b.ContainsKey('WhatIf') -and $b.WhatIf
    # An injected fault (README, "Faults") counts only calls that reach the SMS Provider.
    $fault = if ($onDrive -and -not $whatIf) { Get-LabFault $Name } else { $null }
    Add-LabCall 'configmgr' $Name $Bound $changing $Cmdlet.ParameterSetName $fault
    if (-not $onDrive) {
        $Cmdlet.ThrowTerminatingError((New-CMError 'This command cannot be run from the current drive. To run this command you must first connect to a Configuration Manager drive.'))
    }
    if ($whatIf) { return }
    # Every provider call is also a poll: the site's components move on by the simulated time.
    Invoke-LabDistMgr
    $impl = "CM-$Name"
    if (-not (Get-Command -Name $impl -CommandType Function -ErrorAction SilentlyContinue)) {
        $Cmdlet.ThrowTerminatingError((New-CMError "lab double: $Name binds (ConfigMgr $version signature) but has no behaviour modelled yet" 'NotImplemented'))
    }
    if ($fault -and $fault.when -eq 'before') {
        Write-LabError $Cmdlet (New-CMFaultException $fault) ('UnhandledExeception,Microsoft.ConfigurationManagement.PowerShell.Cmdlets.' + $Name) NotSpecified $null
        return
    }
    try {
        $result = & $impl $b $Cmdlet
        Save-LabState
        # 'after': the provider made the change, then the call failed; its result is lost.
        if ($fault) { throw (New-CMFaultException $fault) }
        $result
    } catch [System.Management.Automation.PipelineStoppedException] {
        throw
    } catch {
        Save-LabState
        Write-LabError $Cmdlet $_.Exception 'Microsoft.ConfigurationManagement.PowerShell.Cmdlets' InvalidOperation $null
    }
}

<#
  How an injected fault fails a ConfigMgr cmdlet: the SMS Provider's transient errors as the
  module passes them on (the WMI status text; exact wording per version UNCONFIRMED).
  error: 'generic' (default: WBEM_E_FAILED 0x80041001, "Generic failure"), 'provider' (an
  SMS_ExtendedStatus error: "The SMS Provider reported an error."), 'rpc' (the provider's server
  went away), or message = any text.
#>
function New-CMFaultException($Fault) {
    if ($Fault.ContainsKey('message') -and $Fault.message) { return [System.InvalidOperationException]::new([string]$Fault.message) }
    $kind = if ($Fault.ContainsKey('error') -and $Fault.error) { [string]$Fault.error } else { 'generic' }
    switch ($kind) {
        'generic' { return [System.InvalidOperationException]::new('Generic failure') }
        'provider' { return [System.InvalidOperationException]::new('ConfigMgr Error Object: instance of SMS_ExtendedStatus { Description = "The SMS Provider reported an error."; ErrorCode = 3242263810; Operation = "PutInstance"; ProviderName = "WinMgmt"; StatusCode = 2147749889; };') }
        'rpc' { return [System.Runtime.InteropServices.COMException]::new('The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)', -2147023174) }
        default { throw "lab double: a ConfigMgr cmdlet fault has error = '$kind' (generic, provider, rpc, or a message)" }
    }
}

<# Name filters are wildcards, as in the real Get-/Set-/Remove- cmdlets, unless -DisableWildcardHandling. #>
function Test-NameMatch([string]$Value, [string]$Pattern, $b) {
    if ($b.ContainsKey('DisableWildcardHandling') -and $b.DisableWildcardHandling) { return [string]::Equals($Value, $Pattern, [System.StringComparison]::OrdinalIgnoreCase) }
    return ($Value -like $Pattern)
}

function Get-SiteCodeArg($b) {
    if ($b.ContainsKey('SiteCode') -and $b.SiteCode) { return ([string]$b.SiteCode).ToUpperInvariant() }
    return (Microsoft.PowerShell.Management\Get-Location).Drive.Name.ToUpperInvariant()
}

function Get-ServerArg($b) {
    if ($b.ContainsKey('SiteSystemServerName') -and $b.SiteSystemServerName) { return ([string]$b.SiteSystemServerName).ToLowerInvariant() }
    if ($b.ContainsKey('InputObject') -and $b.InputObject) { return ([string]$b.InputObject.ServerName).ToLowerInvariant() }
    return $null
}

function ConvertTo-ResultObject([hashtable]$Row, [string]$Class, [string]$Ref) {
    $o = [ordered]@{}
    foreach ($k in @($Row.Keys | Sort-Object)) { $o[$k] = $Row[$k] }
    $o['SmsProviderObjectPath'] = $Class
    $o['LabDoubleRef'] = $Ref
    $obj = [pscustomobject]$o
    $obj.PSObject.TypeNames.Insert(0, "IResultObject#$Class")
    return $obj
}

function Assert-Site([string]$Code) {
    $site = Get-LabSite $Code
    if ($null -eq $site) { throw "Site '$Code' was not found. Specify an existing site code." }
    return $site
}

# --- sites -----------------------------------------------------------------------------------------

function CM-Get-CMSite($b) {
    foreach ($row in @(Get-SmsRows 'SMS_Site' '')) {
        if ($b.ContainsKey('SiteCode') -and $b.SiteCode -and $row.SiteCode -ne $b.SiteCode) { continue }
        if ($b.ContainsKey('Name') -and $b.Name -and -not (Test-NameMatch $row.SiteName $b.Name $b)) { continue }
        ConvertTo-ResultObject $row 'SMS_Site' "site:$($row.SiteCode)"
    }
}

# --- site system servers ---------------------------------------------------------------------------

function CM-Get-CMSiteSystemServer($b) {
    $code = if ($b.ContainsKey('SiteCode')) { ([string]$b.SiteCode).ToUpperInvariant() } else { $null }
    foreach ($ss in @((Get-LabState).siteSystems)) {
        if ($code -and $ss.siteCode -ne $code) { continue }
        if ($b.ContainsKey('SiteSystemServerName') -and $b.SiteSystemServerName -and -not (Test-NameMatch $ss.server $b.SiteSystemServerName $b)) { continue }
        ConvertTo-ResultObject (Get-SysResUseRow $ss 'SMS Site System') 'SMS_SCI_SysResUse' "sitesystem:$($ss.siteCode):$($ss.server)"
    }
}

function CM-New-CMSiteSystemServer($b) {
    $state = Get-LabState
    $code = Get-SiteCodeArg $b
    [void](Assert-Site $code)
    $server = ([string]$b.SiteSystemServerName).ToLowerInvariant()
    if (Get-LabSiteSystem $server $code) { throw "An object with the specified name already exists. (site system $server in site $code)" }
    if ($b.ContainsKey('UseSiteServerAccount') -and $b.UseSiteServerAccount -and $b.ContainsKey('AccountName') -and $b.AccountName) { throw 'AccountName cannot be combined with UseSiteServerAccount' }
    $account = $null
    if ($b.ContainsKey('AccountName') -and $b.AccountName) {
        if (-not @($state.accounts | Where-Object { $_ -eq $b.AccountName })) { throw "The account '$($b.AccountName)' is not a Configuration Manager account (New-CMAccount)." }
        $account = [string]$b.AccountName
    }
    $proxy = $null
    if ($b.ContainsKey('EnableProxy') -and $b.EnableProxy) { $proxy = @{ server = [string]$b.ProxyServerName; port = $(if ($b.ContainsKey('ProxyServerPort')) { [int]$b.ProxyServerPort } else { 80 }) } }
    $ss = @{ server = $server; siteCode = $code; roles = @(); proxy = $proxy; account = $account; id = (New-LabId) }
    $state.siteSystems = @($state.siteSystems) + @($ss)
    ConvertTo-ResultObject (Get-SysResUseRow $ss 'SMS Site System') 'SMS_SCI_SysResUse' "sitesystem:${code}:$server"
}

function CM-Set-CMSiteSystemServer($b) {
    $code = Get-SiteCodeArg $b
    $server = Get-ServerArg $b
    $ss = Get-LabSiteSystem $server $code
    if ($null -eq $ss) { throw "No object corresponds to the specified parameters. (site system $server in site $code)" }
    if ($b.ContainsKey('EnableProxy')) {
        if ($b.EnableProxy) {
            if (-not $b.ContainsKey('ProxyServerName') -and -not $ss.proxy) { throw 'ProxyServerName is required when the proxy is enabled.' }
            $ss.proxy = @{ server = $(if ($b.ContainsKey('ProxyServerName')) { [string]$b.ProxyServerName } else { $ss.proxy.server }); port = $(if ($b.ContainsKey('ProxyServerPort')) { [int]$b.ProxyServerPort } elseif ($ss.proxy) { $ss.proxy.port } else { 80 }) }
        } else { $ss.proxy = $null }
    }
    if ($b.ContainsKey('PassThru') -and $b.PassThru) { ConvertTo-ResultObject (Get-SysResUseRow $ss 'SMS Site System') 'SMS_SCI_SysResUse' "sitesystem:${code}:$server" }
}

function CM-Remove-CMSiteSystemServer($b, $Cmdlet) {
    $state = Get-LabState
    $code = Get-SiteCodeArg $b
    $server = Get-ServerArg $b
    $ss = Get-LabSiteSystem $server $code
    if ($null -eq $ss) { throw "No object corresponds to the specified parameters. (site system $server in site $code)" }
    Assert-Forced $b $Cmdlet "Remove site system server $server"
    $roles = @(Get-SiteSystemRoles $ss | Where-Object { $_ -notin 'SMS Site System', 'SMS Component Server' })
    if ($roles.Count -gt 0) { throw "The site system server $server cannot be removed while it has roles: $($roles -join ', ')" }
    $state.siteSystems = @($state.siteSystems | Where-Object { -not ($_.server -eq $server -and $_.siteCode -eq $code) })
}

function Assert-Forced($b, $Cmdlet, [string]$What) {
    if ($b.ContainsKey('Force') -and $b.Force) { return }
    # Without -Force the cmdlet asks; in a non-interactive session the question itself fails.
    if ([Environment]::GetCommandLineArgs() -contains '-NonInteractive' -or $Host.Name -ne 'ConsoleHost') {
        throw 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.'
    }
    if (-not $Cmdlet.ShouldContinue($What, 'Confirm')) { throw 'The operation was canceled by the user.' }
}

function CM-Get-CMSiteRole($b) {
    $code = if ($b.ContainsKey('SiteCode')) { ([string]$b.SiteCode).ToUpperInvariant() } else { $null }
    foreach ($ss in @((Get-LabState).siteSystems)) {
        if ($code -and $ss.siteCode -ne $code) { continue }
        if ($b.ContainsKey('SiteSystemServerName') -and $b.SiteSystemServerName -and -not (Test-NameMatch $ss.server $b.SiteSystemServerName $b)) { continue }
        foreach ($r in @(Get-SiteSystemRoles $ss)) {
            if ($b.ContainsKey('RoleName') -and $b.RoleName -and @($b.RoleName | Where-Object { $r -like $_ }).Count -eq 0) { continue }
            ConvertTo-ResultObject (Get-SysResUseRow $ss $r) 'SMS_SCI_SysResUse' "role:$($ss.siteCode):$($ss.server):$r"
        }
    }
}

# --- distribution points ---------------------------------------------------------------------------

function Get-DpRoleObject($dp) {
    $ss = Get-LabSiteSystem $dp.server $dp.siteCode
    return (ConvertTo-ResultObject (Get-SysResUseRow $ss 'SMS Distribution Point') 'SMS_SCI_SysResUse' "dp:$($dp.siteCode):$($dp.server)")
}

function CM-Get-CMDistributionPoint($b) {
    $code = if ($b.ContainsKey('SiteCode') -and $b.SiteCode) { ([string]$b.SiteCode).ToUpperInvariant() } else { $null }
    foreach ($dp in @((Get-LabState).distributionPoints)) {
        if (-not $dp.role) { continue }
        if ($code -and $dp.siteCode -ne $code) { continue }
        if ($b.ContainsKey('SiteSystemServerName') -and $b.SiteSystemServerName -and -not (Test-NameMatch $dp.server $b.SiteSystemServerName $b)) { continue }
        Get-DpRoleObject $dp
    }
}

function CM-Get-CMDistributionPointInfo($b) {
    foreach ($row in @(Get-SmsRows 'SMS_DistributionPointInfo' '')) {
        if ($b.ContainsKey('SiteCode') -and $b.SiteCode -and $row.SiteCode -ne $b.SiteCode) { continue }
        if ($b.ContainsKey('SiteSystemServerName') -and $b.SiteSystemServerName -and -not (Test-NameMatch $row.ServerName $b.SiteSystemServerName $b)) { continue }
        ConvertTo-ResultObject $row 'SMS_DistributionPointInfo' "dpinfo:$($row.SiteCode):$($row.ServerName)"
    }
}

$script:UdaIndex = @{ DoNotUse = 0; AllowWithManualApproval = 1; AllowWithAutomaticApproval = 2 }

function Set-DpSettings($dp, $b, [bool]$IsAdd) {
    $st = $dp.settings
    $flag = { param($name, $key) if ($b.ContainsKey($name)) { $st[$key] = [bool]$b[$name] } }
    & $flag 'EnablePxe' 'enablePxe'; & $flag 'AllowPxeResponse' 'allowPxeResponse'; & $flag 'EnableUnknownComputerSupport' 'enableUnknownComputerSupport'
    & $flag 'EnableNonWdsPxe' 'enableNonWdsPxe'; & $flag 'EnableMulticast' 'enableMulticast'; & $flag 'EnablePullDP' 'enablePullDP'
    & $flag 'EnableContentValidation' 'enableContentValidation'; & $flag 'EnableAnonymous' 'enableAnonymous'; & $flag 'AllowPreStaging' 'allowPreStaging'
    & $flag 'AllowFallbackForContent' 'allowFallbackForContent'; & $flag 'EnableBranchCache' 'enableBranchCache'; & $flag 'InstallInternetServer' 'installInternetServer'
    if ($b.ContainsKey('EnableSsl')) { $st.https = [bool]$b.EnableSsl }
    if ($b.ContainsKey('Description')) { $st.description = [string]$b.Description }
    if ($b.ContainsKey('PxeServerResponseDelaySec')) { $st.pxeDelay = [int]$b.PxeServerResponseDelaySec }
    if ($b.ContainsKey('UserDeviceAffinity')) { $st.udaSetting = $script:UdaIndex[[string]$b.UserDeviceAffinity] }
    if ($b.ContainsKey('PxePassword')) { $st.pxePassword = [System.Net.NetworkCredential]::new('', $b.PxePassword).Password }
    if ($b.ContainsKey('ClientConnectionType')) { $st.clientConnectionType = [string]$b.ClientConnectionType }
    if ($b.ContainsKey('ContentMonitoringPriority')) { $st.contentMonitoringPriority = [string]$b.ContentMonitoringPriority }
    if ($b.ContainsKey('ContentValidationSchedule')) { $st.contentValidationSchedule = ConvertTo-LogValue $b.ContentValidationSchedule }
    if ($b.ContainsKey('MinimumFreeSpaceMB')) { $st.minimumFreeSpaceMB = [int]$b.MinimumFreeSpaceMB }
    foreach ($k in 'StartIPAddress', 'EndIPAddress', 'StartUdpPort', 'EndUdpPort', 'MulticastMaximumClientCount') { if ($b.ContainsKey($k)) { $st[$k.Substring(0, 1).ToLowerInvariant() + $k.Substring(1)] = $b[$k] } }
    foreach ($k in 'PrimaryContentLibraryLocation', 'SecondaryContentLibraryLocation', 'PrimaryPackageShareLocation', 'SecondaryPackageShareLocation') {
        if ($b.ContainsKey($k)) {
            if ([string]$b[$k] -notmatch '^(Automatic|[A-Za-z])$') { throw "Cannot convert value `"$($b[$k])`" to type DriveType. Valid values: Automatic, A-Z." }
            $st[$k.Substring(0, 1).ToLowerInvariant() + $k.Substring(1)] = [string]$b[$k]
        }
    }
    if ($b.ContainsKey('SourceDistributionPoint')) {
        $sources = @($b.SourceDistributionPoint | ForEach-Object { ([string]$_).ToLowerInvariant() })
        foreach ($s in $sources) { if (-not (Get-LabDp $s $null)) { throw "Source distribution point '$s' is not a distribution point of this hierarchy." } }
        $st.sourceDps = $sources
        $st.sourceRanks = @(if ($b.ContainsKey('SourceDPRank')) { @($b.SourceDPRank) } else { @($sources | ForEach-Object { 1 }) })
        if (@($st.sourceRanks).Count -ne $sources.Count) { throw 'SourceDPRank must give one rank per source distribution point.' }
    }
}

function CM-Add-CMDistributionPoint($b) {
    $state = Get-LabState
    $code = Get-SiteCodeArg $b
    $site = Assert-Site $code
    $server = Get-ServerArg $b
    if ((Test-VersionAtLeast $state.version '2111') -and $site.type -eq 'cas') { throw 'A distribution point cannot be added to a central administration site.' }
    $ss = Get-LabSiteSystem $server $code
    if ($null -eq $ss) { throw "No object corresponds to the specified parameters: site system server $server does not exist in site $code (New-CMSiteSystemServer first)." }
    $existing = Get-LabDp $server $code
    if ($existing -and $existing.role) { throw "The distribution point role already exists on $server." }
    if ((Test-VersionAtLeast $state.version '1702') -and $b.ContainsKey('ClientConnectionType') -and $b.ClientConnectionType -ne 'Intranet' -and -not ($b.ContainsKey('EnableSsl') -and $b.EnableSsl)) {
        throw 'An Internet-facing distribution point requires HTTPS (EnableSsl).'
    }
    if ($b.ContainsKey('SourceDistributionPoint') -and -not ($b.ContainsKey('EnablePullDP') -and $b.EnablePullDP)) { throw 'SourceDistributionPoint requires EnablePullDP.' }
    if ($b.ContainsKey('EnableSsl') -and $b.EnableSsl -and -not $b.ContainsKey('CertificatePath')) {
        # HTTPS client communication needs a PKI certificate (the rule Set-CMDistributionPoint's page
        # states for -ClientCommunicationType Https; the console offers no self-signed HTTPS DP).
        throw 'HTTPS client communication needs a PKI certificate: specify CertificatePath and CertificatePassword.'
    }
    $defaultFree = if (Test-VersionAtLeast $state.version '2107') { 500 } else { 50 }
    $dp = @{
        server = $server; siteCode = $code; id = (New-LabId); role = $true; infoRow = $false; installed = $false
        settings = @{ minimumFreeSpaceMB = $defaultFree; clientConnectionType = 'Intranet'; https = $false; pki = [bool]($b.ContainsKey('CertificatePath')) }
        job = $null
    }
    if ($existing) { $state.distributionPoints = @($state.distributionPoints | Where-Object { -not ($_.server -eq $server -and $_.siteCode -eq $code) }) }
    Set-DpSettings $dp $b $true
    $state.distributionPoints = @($state.distributionPoints) + @($dp)
    Start-LabDpJob $dp 'install'
    Get-DpRoleObject $dp
}

function Resolve-Dp($b) {
    $code = Get-SiteCodeArg $b
    if ($b.ContainsKey('InputObject') -and $b.InputObject -and $b.InputObject.PSObject.Properties['SiteCode']) { $code = [string]$b.InputObject.SiteCode }
    $server = Get-ServerArg $b
    $dp = Get-LabDp $server $code
    if ($null -eq $dp -or -not $dp.role) { throw "No object corresponds to the specified parameters: $server is not a distribution point of site $code." }
    return $dp
}

function CM-Set-CMDistributionPoint($b) {
    $state = Get-LabState
    $dp = Resolve-Dp $b
    if ($b.ContainsKey('ClientCommunicationType')) {
        $https = ([string]$b.ClientCommunicationType) -eq 'Https'
        if ($https -and -not $dp.settings.pki -and -not $b.ContainsKey('CertificatePath')) {
            # "use the CertificatePath and CertificatePassword parameters to specify the PKI certificate"
            throw 'HTTPS client communication needs a PKI certificate: specify CertificatePath and CertificatePassword.'
        }
        $dp.settings.https = $https
    }
    if ($b.ContainsKey('CertificatePath')) { $dp.settings.pki = $true }
    Set-DpSettings $dp $b $false
    $groups = $state.boundaryGroups
    foreach ($name in @(if ($b.ContainsKey('AddBoundaryGroupName')) { $b.AddBoundaryGroupName })) {
        $g = @($groups | Where-Object { $_.name -eq $name })
        if ($g.Count -eq 0) { throw "Boundary group '$name' was not found." }
        if (-not @($g[0].siteSystems | Where-Object { $_.server -eq $dp.server })) { $g[0].siteSystems = @($g[0].siteSystems) + @(@{ server = $dp.server; siteCode = $dp.siteCode }) }
    }
    foreach ($name in @(if ($b.ContainsKey('RemoveBoundaryGroupName')) { $b.RemoveBoundaryGroupName })) {
        $g = @($groups | Where-Object { $_.name -eq $name })
        if ($g.Count -eq 0) { throw "Boundary group '$name' was not found." }
        $g[0].siteSystems = @($g[0].siteSystems | Where-Object { $_.server -ne $dp.server })
    }
    if ($b.ContainsKey('PassThru') -and $b.PassThru) { Get-DpRoleObject $dp }
}

function CM-Remove-CMDistributionPoint($b, $Cmdlet) {
    $dp = Resolve-Dp $b
    Assert-Forced $b $Cmdlet "Remove distribution point $($dp.server)"
    if ($dp.ContainsKey('maintenanceMode') -and $dp.maintenanceMode) { throw 'The distribution point is in maintenance mode.' }
    $dp.role = $false
    $state = Get-LabState
    foreach ($g in @($state.boundaryGroups)) { $g.siteSystems = @($g.siteSystems | Where-Object { $_.server -ne $dp.server }) }
    Start-LabDpJob $dp 'uninstall'
}

function CM-Get-CMBoundaryGroupSiteSystem($b) {
    $groups = @(Resolve-Group $b 'Id' 'Name' 'InputObject')
    if (-not $b.ContainsKey('Id') -and -not $b.ContainsKey('Name') -and -not $b.ContainsKey('InputObject')) { $groups = @((Get-LabState).boundaryGroups) }
    foreach ($g in $groups) {
        foreach ($s in @($g.siteSystems)) {
            ConvertTo-ResultObject @{ GroupID = [long]$g.id; ServerNALPath = (Get-NalPath $s.server $s.siteCode); SiteCode = $s.siteCode; Flags = 0 } 'SMS_BoundaryGroupSiteSystems' "bgss:$($g.id):$($s.server)"
        }
    }
}

# --- schedules and accounts ------------------------------------------------------------------------

function CM-New-CMSchedule($b) {
    $row = @{}
    foreach ($k in @($b.Keys)) { $row[$k] = ConvertTo-LogValue $b[$k] }
    $token = ($row.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$(ConvertTo-Json -InputObject $_.Value -Compress)" }) -join ';'
    return (ConvertTo-ResultObject $row 'SMS_ST_RecurWeekly' "schedule:$token")
}

function CM-New-CMAccount($b) {
    $state = Get-LabState
    if (-not $state.ContainsKey('accounts') -or $null -eq $state.accounts) { $state.accounts = @() }
    $name = [string]$b.UserName
    if (@($state.accounts) -contains $name) { throw "An object with the specified name already exists. (account $name)" }
    $state.accounts = @($state.accounts) + @($name)
    return (ConvertTo-ResultObject @{ UserName = $name } 'SMS_SCI_Reserved' "account:$name")
}

# --- boundaries and boundary groups ----------------------------------------------------------------

$script:BoundaryTypes = @{ IPSubnet = 0; ADSite = 1; IPV6Prefix = 2; IPRange = 3; Vpn = 4 }

function ConvertTo-StoredBoundaryValue([int]$Type, [string]$Value) {
    if ($Type -eq 0 -and $Value -match '^(\d+)\.(\d+)\.(\d+)\.(\d+)/(\d+)$') {
        # ConfigMgr stores the subnet ID of an IP subnet boundary, not the CIDR text.
        $ip = [uint32]0
        foreach ($i in 1..4) { $ip = ($ip -shl 8) -bor [uint32]$Matches[$i] }
        $bits = [int]$Matches[5]
        # 0xFFFFFFFF is the Int32 -1 in PowerShell: the mask is built from the unsigned value.
        $mask = if ($bits -eq 0) { [uint32]0 } else { [uint32](([uint64]4294967295 -shl (32 - $bits)) -band [uint64]4294967295) }
        $net = $ip -band $mask
        return (@(24, 16, 8, 0) | ForEach-Object { ($net -shr $_) -band 255 }) -join '.'
    }
    return $Value
}

function Get-BoundaryRowObject($bd) {
    $id = [long]$bd.id
    $row = @(Get-SmsRows 'SMS_Boundary' '' | Where-Object { [long]$_.BoundaryID -eq $id })[0]
    ConvertTo-ResultObject $row 'SMS_Boundary' "boundary:$id"
}
function Get-GroupRowObject($group) {
    $id = [long]$group.id
    $row = @(Get-SmsRows 'SMS_BoundaryGroup' '' | Where-Object { [long]$_.GroupID -eq $id })[0]
    ConvertTo-ResultObject $row 'SMS_BoundaryGroup' "boundarygroup:$id"
}

function CM-New-CMBoundary($b) {
    $state = Get-LabState
    $typeName = [string]$b.Type
    $key = @($script:BoundaryTypes.Keys | Where-Object { $_ -eq $typeName })
    if ($key.Count -eq 0) { throw "Cannot convert value `"$typeName`" to type BoundaryTypes." }
    $type = $script:BoundaryTypes[$key[0]]
    if ($type -eq 4 -and -not (Test-VersionAtLeast $state.version '2010')) { throw "Cannot convert value `"Vpn`" to type BoundaryTypes." }
    $value = ConvertTo-StoredBoundaryValue $type ([string]$b.Value)
    if (@($state.boundaries | Where-Object { $_.type -eq $type -and $_.value -eq $value }).Count -gt 0) { throw "A boundary of type $($key[0]) with value $value already exists." }
    $bd = @{ id = (New-LabId); type = $type; value = $value; name = $(if ($b.ContainsKey('Name')) { [string]$b.Name } else { '' }) }
    $state.boundaries = @($state.boundaries) + @($bd)
    Get-BoundaryRowObject $bd
}

function Resolve-Boundary($b, [string]$IdKey, [string]$NameKey, [string]$ObjectKey) {
    $state = Get-LabState
    $found = @()
    if ($IdKey -and $b.ContainsKey($IdKey)) { $ids = @($b[$IdKey] | ForEach-Object { [long]$_ }); $found = @($state.boundaries | Where-Object { $ids -contains [long]$_.id }) }
    elseif ($NameKey -and $b.ContainsKey($NameKey)) { $found = @($state.boundaries | Where-Object { Test-NameMatch $_.name $b[$NameKey] $b }) }
    elseif ($ObjectKey -and $b.ContainsKey($ObjectKey)) { $found = @($state.boundaries | Where-Object { [long]$_.id -eq [long]$b[$ObjectKey].BoundaryID }) }
    return $found
}

function Resolve-Group($b, [string]$IdKey, [string]$NameKey, [string]$ObjectKey) {
    $state = Get-LabState
    $found = @()
    if ($IdKey -and $b.ContainsKey($IdKey)) { $ids = @($b[$IdKey] | ForEach-Object { [long]$_ }); $found = @($state.boundaryGroups | Where-Object { $ids -contains [long]$_.id }) }
    elseif ($NameKey -and $b.ContainsKey($NameKey)) { $found = @($state.boundaryGroups | Where-Object { Test-NameMatch $_.name $b[$NameKey] $b }) }
    elseif ($ObjectKey -and $b.ContainsKey($ObjectKey)) { $found = @($state.boundaryGroups | Where-Object { [long]$_.id -eq [long]$b[$ObjectKey].GroupID }) }
    return $found
}

function CM-Get-CMBoundary($b) {
    $state = Get-LabState
    $rows = if ($b.ContainsKey('BoundaryId') -or $b.ContainsKey('BoundaryName')) { Resolve-Boundary $b 'BoundaryId' 'BoundaryName' $null }
    elseif ($b.ContainsKey('BoundaryGroupId')) { $g = Resolve-Group $b 'BoundaryGroupId' $null $null; @($state.boundaries | Where-Object { $g -and @($g[0].boundaries) -contains $_.id }) }
    elseif ($b.ContainsKey('BoundaryGroupName')) { $g = Resolve-Group $b $null 'BoundaryGroupName' $null; @($state.boundaries | Where-Object { $g -and @($g[0].boundaries) -contains $_.id }) }
    else { @($state.boundaries) }
    foreach ($bd in @($rows)) { Get-BoundaryRowObject $bd }
}

function CM-Remove-CMBoundary($b, $Cmdlet) {
    $state = Get-LabState
    $found = Resolve-Boundary $b 'Id' 'Name' 'InputObject'
    if ($found.Count -eq 0) { throw 'No object corresponds to the specified parameters.' }
    Assert-Forced $b $Cmdlet 'Remove boundary'
    $ids = @($found | ForEach-Object { $_.id })
    $state.boundaries = @($state.boundaries | Where-Object { $ids -notcontains $_.id })
    foreach ($g in @($state.boundaryGroups)) { $g.boundaries = @($g.boundaries | Where-Object { $ids -notcontains $_ }) }
}

function CM-Get-CMBoundaryGroup($b) {
    $state = Get-LabState
    $rows = if ($b.ContainsKey('Id') -or $b.ContainsKey('Name')) { Resolve-Group $b 'Id' 'Name' $null } else { @($state.boundaryGroups) }
    foreach ($g in @($rows)) { Get-GroupRowObject $g }
}

function Resolve-SiteSystemRef($Name) {
    $state = Get-LabState
    $server = ([string]$Name).ToLowerInvariant()
    $ss = @($state.siteSystems | Where-Object { $_.server -eq $server })
    if ($ss.Count -eq 0) {
        # The name must be the site system's FQDN as ConfigMgr knows it (the reference's note).
        throw "No site system server named '$Name' was found (use the FQDN of an existing site system)."
    }
    return @{ server = $ss[0].server; siteCode = $ss[0].siteCode }
}

function Add-GroupSiteSystems($g, $b) {
    foreach ($n in @(if ($b.ContainsKey('AddSiteSystemServerName')) { $b.AddSiteSystemServerName })) {
        $ref = Resolve-SiteSystemRef $n
        if (-not @($g.siteSystems | Where-Object { $_.server -eq $ref.server })) { $g.siteSystems = @($g.siteSystems) + @($ref) }
    }
    foreach ($o in @(if ($b.ContainsKey('AddSiteSystemServer')) { $b.AddSiteSystemServer })) {
        if ($o -is [hashtable]) { foreach ($k in @($o.Keys)) { $ref = Resolve-SiteSystemRef ([string]$k.ServerName); if (-not @($g.siteSystems | Where-Object { $_.server -eq $ref.server })) { $g.siteSystems = @($g.siteSystems) + @($ref) } } }
        else { $ref = Resolve-SiteSystemRef ([string]$o.ServerName); if (-not @($g.siteSystems | Where-Object { $_.server -eq $ref.server })) { $g.siteSystems = @($g.siteSystems) + @($ref) } }
    }
}

function CM-New-CMBoundaryGroup($b) {
    $state = Get-LabState
    $name = [string]$b.Name
    if (@($state.boundaryGroups | Where-Object { $_.name -eq $name }).Count -gt 0) { throw "An object with the specified name already exists. (boundary group $name)" }
    if ($b.ContainsKey('DefaultSiteCode') -and $b.DefaultSiteCode) { [void](Assert-Site ([string]$b.DefaultSiteCode).ToUpperInvariant()) }
    $g = @{ id = (New-LabId); name = $name; description = $(if ($b.ContainsKey('Description')) { [string]$b.Description } else { '' }); defaultSiteCode = $(if ($b.ContainsKey('DefaultSiteCode')) { [string]$b.DefaultSiteCode } else { '' }); boundaries = @(); siteSystems = @() }
    Add-GroupSiteSystems $g $b
    $state.boundaryGroups = @($state.boundaryGroups) + @($g)
    # The reference: the returned object is not populated; read the group back with Get-CMBoundaryGroup.
    return (ConvertTo-ResultObject @{ Name = $name } 'SMS_BoundaryGroup' "boundarygroup:$($g.id)")
}

function CM-Set-CMBoundaryGroup($b) {
    $state = Get-LabState
    $found = @(Resolve-Group $b 'Id' 'Name' 'InputObject')
    if ($found.Count -eq 0) { throw 'No object corresponds to the specified parameters.' }
    $g = $found[0]
    if ($b.ContainsKey('NewName')) {
        if (@($state.boundaryGroups | Where-Object { $_.name -eq $b.NewName -and $_.id -ne $g.id }).Count -gt 0) { throw "An object with the specified name already exists. (boundary group $($b.NewName))" }
        $g.name = [string]$b.NewName
    }
    if ($b.ContainsKey('Description')) { $g.description = [string]$b.Description }
    if ($b.ContainsKey('DefaultSiteCode')) {
        if ($b.DefaultSiteCode) { [void](Assert-Site ([string]$b.DefaultSiteCode).ToUpperInvariant()) }
        $g.defaultSiteCode = [string]$b.DefaultSiteCode
    }
    if ($b.ContainsKey('ClearSiteSystemServer') -and $b.ClearSiteSystemServer) { $g.siteSystems = @() }
    Add-GroupSiteSystems $g $b
    foreach ($n in @(if ($b.ContainsKey('RemoveSiteSystemServerName')) { $b.RemoveSiteSystemServerName })) { $s = ([string]$n).ToLowerInvariant(); $g.siteSystems = @($g.siteSystems | Where-Object { $_.server -ne $s }) }
    foreach ($o in @(if ($b.ContainsKey('RemoveSiteSystemServer')) { $b.RemoveSiteSystemServer })) { $s = ([string]$o.ServerName).ToLowerInvariant(); $g.siteSystems = @($g.siteSystems | Where-Object { $_.server -ne $s }) }
    if ($b.ContainsKey('PassThru') -and $b.PassThru) { Get-GroupRowObject $g }
}

function CM-Remove-CMBoundaryGroup($b, $Cmdlet) {
    $state = Get-LabState
    $found = @(Resolve-Group $b 'Id' 'Name' 'InputObject')
    if ($found.Count -eq 0) { throw 'No object corresponds to the specified parameters.' }
    Assert-Forced $b $Cmdlet 'Remove boundary group'
    $ids = @($found | ForEach-Object { $_.id })
    $state.boundaryGroups = @($state.boundaryGroups | Where-Object { $ids -notcontains $_.id })
}

function Get-MembershipArgs($b) {
    $g = @(Resolve-Group $b 'BoundaryGroupId' 'BoundaryGroupName' 'BoundaryGroupInputObject')
    $bd = @(Resolve-Boundary $b 'BoundaryId' 'BoundaryName' 'InputObject')
    if ($g.Count -eq 0) { throw 'No boundary group corresponds to the specified parameters.' }
    if ($bd.Count -eq 0) { throw 'No boundary corresponds to the specified parameters.' }
    return @{ group = $g[0]; boundary = $bd[0] }
}

function CM-Add-CMBoundaryToGroup($b) {
    $m = Get-MembershipArgs $b
    if (@($m.group.boundaries) -contains $m.boundary.id) { throw "The boundary is already a member of boundary group $($m.group.name)." }
    $m.group.boundaries = @($m.group.boundaries) + @($m.boundary.id)
}

function CM-Remove-CMBoundaryFromGroup($b, $Cmdlet) {
    $m = Get-MembershipArgs $b
    Assert-Forced $b $Cmdlet 'Remove boundary from group'
    if (@($m.group.boundaries) -notcontains $m.boundary.id) { throw "The boundary is not a member of boundary group $($m.group.name)." }
    $m.group.boundaries = @($m.group.boundaries | Where-Object { $_ -ne $m.boundary.id })
}

# --- secondary sites -------------------------------------------------------------------------------

function CM-New-CMInstallationSourceFile($b) {
    $mode = if ($b.ContainsKey('UncPath')) { 'network' } elseif ($b.ContainsKey('LocalPath')) { 'local' } else { 'parent' }
    return (ConvertTo-ResultObject @{ Mode = $mode; UncPath = [string]$b.UncPath; LocalPath = [string]$b.LocalPath } 'InstallationSourceFile' "source:$mode")
}

function CM-New-CMSqlServerSetting($b) {
    $mode = if ($b.ContainsKey('SiteDatabaseName')) { 'existing' } else { 'express' }
    return (ConvertTo-ResultObject @{ Mode = $mode; SiteDatabaseName = [string]$b.SiteDatabaseName; InstanceName = [string]$b.InstanceName } 'SqlServerSetting' "sql:$mode")
}

function CM-New-CMSecondarySite($b) {
    $state = Get-LabState
    $code = ([string]$b.SecondarySiteCode).ToUpperInvariant()
    $parentCode = if ($b.ContainsKey('PrimarySiteCode') -and $b.PrimarySiteCode) { ([string]$b.PrimarySiteCode).ToUpperInvariant() } else { Get-SiteCodeArg @{} }
    $parent = Assert-Site $parentCode
    if ($parent.type -ne 'primary') { throw "A secondary site needs a primary parent site; $parentCode is a $($parent.type) site." }
    if (Get-LabSite $code) { throw "Site code $code is already in use in this hierarchy." }
    $server = ([string]$b.ServerName).ToLowerInvariant()
    $h = Get-LabHost $server
    if ($null -eq $h) { throw "The secondary site server $server cannot be reached." }
    $site = @{ code = $code; type = 'secondary'; name = [string]$b.SiteName; server = $server; parent = $parentCode; status = 2; dp = $true
        job = @{ action = 'install'; step = 0; done = $false; nextAt = [long]$state.clock + 60 } }
    $state.sites = @($state.sites) + @($site)
    $state.siteSystems = @($state.siteSystems) + @(@{ server = $server; siteCode = $code; roles = @('SMS Site Server', 'SMS SQL Server', 'SMS Management Point'); proxy = $null; account = $null; id = (New-LabId) })
    # The secondary's DP: setup installs IIS for it only with -InstallInternetServer $true (the reference).
    $iis = $b.ContainsKey('InstallInternetServer') -and [bool]$b.InstallInternetServer
    $dp = @{ server = $server; siteCode = $code; id = (New-LabId); role = $true; infoRow = $false; installed = $false; job = $null
        settings = @{ minimumFreeSpaceMB = $(if ($b.ContainsKey('MinFreeSpaceMB')) { [int]$b.MinFreeSpaceMB } else { 200 }); clientConnectionType = 'Intranet'; https = [bool]($b.ContainsKey('Https') -and $b.Https); installInternetServer = $iis; setupInstallsIis = $iis } }
    $state.distributionPoints = @($state.distributionPoints) + @($dp)
    return (ConvertTo-ResultObject @{ SiteCode = $code } 'SMS_Site' "site:$code")
}

function CM-Remove-CMSecondarySite($b, $Cmdlet) {
    $state = Get-LabState
    $code = if ($b.ContainsKey('SiteCode')) { ([string]$b.SiteCode).ToUpperInvariant() } elseif ($b.ContainsKey('InputObject')) { [string]$b.InputObject.SiteCode } else { @($state.sites | Where-Object { $_.name -eq $b.Name } | ForEach-Object { $_.code })[0] }
    $site = Get-LabSite $code
    if ($null -eq $site -or $site.type -ne 'secondary') { throw "No secondary site corresponds to the specified parameters ($code)." }
    Assert-Forced $b $Cmdlet "Remove secondary site $code"
    # The database reference goes now; with Uninstall the server uninstalls itself later.
    $state.sites = @($state.sites | Where-Object { $_.code -ne $code })
    $state.siteSystems = @($state.siteSystems | Where-Object { $_.siteCode -ne $code })
    $state.distributionPoints = @($state.distributionPoints | Where-Object { $_.siteCode -ne $code })
    if ([string]$b.Action -eq 'Uninstall') {
        $h = Get-LabHost $site.server
        if ($h) { $h.siteUninstallAt = [long]$state.clock + 900 }
    }
}
