# The ConfigMgr site side of the lab double: the SMS Provider's objects built from the state, and
# the simulated DistMgr / site setup that turns a role or a secondary site from "written to the
# site control file" into "installed" over several polls (README, "DistMgr").

Set-StrictMode -Off  # the double reads optional state fields freely; the scripts keep their own strict mode
Import-Module (Join-Path $PSScriptRoot 'LabState.psm1')

# Status message ids. 2399 is the one the support article names as "installed"
# (SupportArticles-docs dp-installation-upgrade-configuration.md, step 10); the failure ids are
# UNCONFIRMED (no Microsoft list of DistMgr ids was readable here) and only their texts follow
# what distmgr.log is documented to show (windows-commands.md §5.4).
$script:Msg = @{
    Installed        = 2399
    ConnectFailed    = 2391
    InstallFailed    = 2344
    Uninstalled      = 2398
}
$script:SevInfo = 1073741824
$script:SevError = -1073741824

function Get-NalPath([string]$Server, [string]$SiteCode) {
    return ('["Display=\\' + $Server + '\"]MSWNET:["SMS_SITE=' + $SiteCode + '"]\\' + $Server + '\')
}

function Get-LabSite([string]$Code) {
    foreach ($s in @((Get-LabState).sites)) { if ($s.code -eq $Code) { return $s } }
    return $null
}

function Get-LabDp([string]$Server, [string]$SiteCode) {
    foreach ($d in @((Get-LabState).distributionPoints)) {
        if ($d.server -eq $Server -and (-not $SiteCode -or $d.siteCode -eq $SiteCode)) { return $d }
    }
    return $null
}

function Get-LabSiteSystem([string]$Server, [string]$SiteCode) {
    foreach ($s in @((Get-LabState).siteSystems)) {
        if ($s.server -eq $Server -and (-not $SiteCode -or $s.siteCode -eq $SiteCode)) { return $s }
    }
    return $null
}

function Add-LabStatusMessage([int]$Id, [string]$Component, [string]$SiteCode, [int]$Severity, [string[]]$InsStrings, [string]$Text) {
    $state = Get-LabState
    $site = Get-LabSite $SiteCode
    $record = [long]$state.nextRecordId
    $state.nextRecordId = $record + 1
    $state.statusMessages = @($state.statusMessages) + @(@{
            recordId   = $record
            messageId  = $Id
            component  = $Component
            siteCode   = $SiteCode
            machine    = $(if ($site) { $site.server.ToUpperInvariant() } else { '' })
            severity   = $Severity
            clock      = $state.clock
            insStrings = @($InsStrings)
            text       = $Text
        })
}

function Add-LabLog([string]$Log, [string]$Line) {
    $state = Get-LabState
    if (-not $state.ContainsKey('logs') -or $null -eq $state.logs) { $state.logs = @{} }
    if (-not $state.logs.ContainsKey($Log)) { $state.logs[$Log] = @() }
    $state.logs[$Log] = @($state.logs[$Log]) + @("[$($state.clock)] $Line")
}

<# HMAN's status message 3306 "Hierarchy Manager successfully processed <site control file>" (support article, step 5). #>
function Add-HmanProcessed([string]$SiteCode) {
    $site = Get-LabSite $SiteCode
    Add-LabStatusMessage 3306 'SMS_HIERARCHY_MANAGER' $SiteCode $script:SevInfo @("C:\Program Files\Microsoft Configuration Manager\inboxes\hman.box\$SiteCode.SCU", [string]$site.name, $SiteCode) 'Hierarchy Manager successfully processed the site control file.'
}

function Get-SiteServerAccountPath([string]$SiteCode) {
    $state = Get-LabState
    $site = Get-LabSite $SiteCode
    # A DP of a secondary site is installed by the secondary's site server (its DistMgr).
    $server = $site.server
    return ('WinNT://' + $state.domain + '/' + $server.Split('.')[0].ToUpperInvariant() + '$')
}

function Test-HostAdmin($HostState, [string]$AccountPath) {
    foreach ($m in @($HostState.administrators.members)) {
        if ([string]::Equals([string]$m.path, $AccountPath, [System.StringComparison]::OrdinalIgnoreCase)) { return $true }
    }
    return $false
}

function Test-HostFeatures($HostState, [string[]]$Names) {
    foreach ($n in $Names) {
        if (-not $HostState.features.ContainsKey($n) -or $HostState.features[$n] -ne 'Enabled') { return $false }
    }
    return $true
}

function Test-ServerOs($HostState) { return ([string]$HostState.os) -like 'windows-server-*' }

$script:IisNeeded = @{ client = @('IIS-WebServerRole', 'IIS-WebServer', 'IIS-ISAPIExtensions', 'IIS-WindowsAuthentication'); server = @('Web-Server', 'Web-ISAPI-Ext', 'Web-Windows-Auth') }
$script:Iis6Needed = @{ client = @('IIS-Metabase', 'IIS-WMICompatibility'); server = @('Web-Metabase', 'Web-WMI') }
$script:RdcNeeded = @{ client = @('MSRDC-Infrastructure'); server = @('RDC') }

<#
  One DistMgr pass: every DP whose install or uninstall is under way moves on by the steps its
  simulated time allows (state.distMgr.stepSeconds, default 20 s; the clock advances with
  Start-Sleep). A failed step raises DistMgr's messages once and is retried after
  state.distMgr.retrySeconds (default 3600: DistMgr's retry interval is UNCONFIRMED).
#>
function Invoke-LabDistMgr {
    $state = Get-LabState
    $cfg = if ($state.ContainsKey('distMgr') -and $state.distMgr) { $state.distMgr } else { @{} }
    $stepSeconds = if ($cfg.ContainsKey('stepSeconds')) { [int]$cfg.stepSeconds } else { 20 }
    $retrySeconds = if ($cfg.ContainsKey('retrySeconds')) { [int]$cfg.retrySeconds } else { 3600 }
    $changed = $false
    foreach ($dp in @($state.distributionPoints)) {
        $job = $dp.job
        if ($null -eq $job -or $job.done) { continue }
        while (-not $job.done -and $state.clock -ge [long]$job.nextAt) {
            $changed = $true
            # A stalled DP Manager thread (README, "Faults") does not move on past HMAN's step (the
            # provider row); its next step is a step's time after the stall ends.
            if ([int]$job.step -ge 1 -and (Test-LabStalled 'DistMgr' $dp.server)) { $job.nextAt = [long]$state.clock + $stepSeconds; break }
            if ($job.action -eq 'install') { Step-DpInstall $dp $job } else { Step-DpUninstall $dp $job }
            if ($job.failed) { $job.nextAt = [long]$job.nextAt + $retrySeconds } else { $job.nextAt = [long]$job.nextAt + $stepSeconds }
        }
    }
    foreach ($site in @($state.sites)) {
        if ($site.ContainsKey('job') -and $site.job -and -not $site.job.done -and (Test-LabStalled 'SecondarySetup' $site.code)) {
            $site.job.nextAt = [long]$state.clock + $stepSeconds * 3
            $changed = $true
        } elseif ($site.ContainsKey('job') -and $site.job -and -not $site.job.done) {
            while (-not $site.job.done -and $state.clock -ge [long]$site.job.nextAt) {
                $changed = $true
                Step-SecondarySite $site $site.job
                $site.job.nextAt = [long]$site.job.nextAt + $stepSeconds * 3
            }
        }
    }
    # A secondary whose database reference is gone keeps uninstalling on its server for a while.
    foreach ($key in @($state.hosts.Keys)) {
        $h = $state.hosts[$key]
        if ($h.ContainsKey('siteUninstallAt') -and $null -ne $h.siteUninstallAt -and $state.clock -ge [long]$h.siteUninstallAt -and -not (Test-LabStalled 'SecondarySetup' ([string]$h.siteInstalled))) {
            $h.shares = @($h.shares | Where-Object { $_ -notlike 'SMS_*' -and $_ -ne 'SCCMContentLib$' -and $_ -ne 'SMSSIG$' -and $_ -ne 'SMSPKGC$' })
            $h.siteInstalled = $null
            $h.siteUninstallAt = $null
            Add-LabLog 'ConfigMgrSetup.log' "Secondary site uninstall finished on $($h.fqdn)"
            $changed = $true
        }
    }
    if ($changed) { Save-LabState }
}

function Get-DpFamily($HostState) { if (Test-ServerOs $HostState) { 'server' } else { 'client' } }

function Step-DpInstall($dp, $job) {
    $state = Get-LabState
    $h = Get-LabHost $dp.server
    $nal = Get-NalPath $dp.server $dp.siteCode
    $job.failed = $null
    switch ([int]$job.step) {
        0 {
            # HMAN processes the site control file and inserts the DP (the provider row appears).
            $dp.infoRow = $true
            Add-LabLog 'hman.log' "~Inserted DP $nal"
            Add-HmanProcessed $dp.siteCode
            $job.step = 1
        }
        1 {
            # DistMgr connects to the DP with the site server's computer account (or the site
            # system installation account) and needs local admin there.
            $account = if ($dp.ContainsKey('installAccount') -and $dp.installAccount) { 'WinNT://' + ([string]$dp.installAccount).Replace('\', '/') } else { Get-SiteServerAccountPath $dp.siteCode }
            if ($null -eq $h -or -not $h.reachable) {
                Add-LabLog 'distmgr.log' "Failed to connect to remote distribution point $nal"
                Add-LabStatusMessage $script:Msg.ConnectFailed 'SMS_DISTRIBUTION_MANAGER' $dp.siteCode $script:SevError @($dp.server) 'Distribution Manager failed to connect to the distribution point. Check your network and firewall settings.'
                $job.failed = 'unreachable'; return
            }
            $onSiteServer = ($dp.server -eq (Get-LabSite $dp.siteCode).server)
            if (-not $onSiteServer -and -not (Test-HostAdmin $h $account)) {
                Add-LabLog 'distmgr.log' "Failed to install DP files on the remote distribution point. Error code = 5 (access denied: $account is not a local administrator on $($dp.server))"
                Add-LabStatusMessage $script:Msg.InstallFailed 'SMS_DISTRIBUTION_MANAGER' $dp.siteCode $script:SevError @($nal, '5') 'Distribution Manager failed to install the distribution point files (error 5, access denied).'
                $job.failed = 'access-denied'; return
            }
            Add-LabLog 'distmgr.log' "Copying DP files to $($dp.server)"
            $job.step = 2
        }
        2 {
            $h.shares = @(@($h.shares) + @('SMS_DP$', 'SCCMContentLib$', 'SMSSIG$') | Select-Object -Unique)
            Add-LabLog 'distmgr.log' "~Successfully created share SMS_DP$ on server $($dp.server)"
            $job.step = 3
        }
        3 {
            $family = Get-DpFamily $h
            # Add-CMDistributionPoint -InstallInternetServer takes effect from 1702 (CMPS 1702 release notes), on
            # server OS; secondary site setup installs IIS when New-CMSecondarySite -InstallInternetServer is $true.
            $cmActsOnIis = ($dp.settings.setupInstallsIis) -or ($dp.settings.installInternetServer -and (Test-VersionAtLeast $state.version '1702') -and $family -eq 'server')
            if ($cmActsOnIis) {
                foreach ($f in @($script:IisNeeded.server + $script:Iis6Needed.server)) { $h.features[$f] = 'Enabled' }
                Add-LabLog 'distmgr.log' "Installing IIS on $($dp.server) (Install Internet server= 1)"
            } elseif (-not (Test-HostFeatures $h $script:IisNeeded[$family])) {
                Add-LabLog 'distmgr.log' "Install Internet server= 2 ... Skipping OS configuration. IIS is not installed on $($dp.server): install and configure IIS manually. Please ensure RDC is also enabled."
                Add-LabLog 'distmgr.log' 'Failed to configure IIS module'
                Add-LabStatusMessage $script:Msg.InstallFailed 'SMS_DISTRIBUTION_MANAGER' $dp.siteCode $script:SevError @($nal, 'IIS') 'Distribution Manager failed to install the distribution point: IIS is not installed.'
                $job.failed = 'iis-missing'; return
            }
            $job.step = 4
        }
        4 {
            $h.dpWmiProvider = $true
            Add-LabLog 'distmgr.log' '~Successfully installed DP WMI provider on the remote distribution point'
            $job.step = 5
        }
        5 {
            $family = Get-DpFamily $h
            if (-not (Test-HostFeatures $h $script:Iis6Needed[$family])) {
                Add-LabLog 'distmgr.log' 'ERROR CreateVirtualDirectory: IDispatch error #3603 (IIS 6 WMI / metabase compatibility is missing)'
                Add-LabLog 'distmgr.log' 'Failed to configure IIS module'
                Add-LabStatusMessage $script:Msg.InstallFailed 'SMS_DISTRIBUTION_MANAGER' $dp.siteCode $script:SevError @($nal, '3603') 'Distribution Manager failed to create the IIS virtual directories (IDispatch error #3603).'
                $job.failed = 'iis6-missing'; return
            }
            Add-LabLog 'distmgr.log' "Configure IIS virtual directories successfully on the distribution point $($dp.server)"
            $job.step = 6
        }
        6 {
            Add-LabLog 'distmgr.log' "DP registry settings have been successfully updated on $($dp.server)"
            Add-LabStatusMessage $script:Msg.Installed 'SMS_DISTRIBUTION_MANAGER' $dp.siteCode $script:SevInfo @($nal, $dp.server) ('Successfully completed the installation or upgrade of the distribution point on computer ' + $nal + '.')
            $dp.installed = $true
            $job.step = 7
            $job.done = $true
        }
    }
}

function Step-DpUninstall($dp, $job) {
    $state = Get-LabState
    $h = Get-LabHost $dp.server
    $nal = Get-NalPath $dp.server $dp.siteCode
    $job.failed = $null
    switch ([int]$job.step) {
        0 {
            # DP Manager removes the DP from the database first.
            # HMAN marks the DP deleted (the provider row goes); DistMgr's DP Manager thread uninstalls.
            $dp.infoRow = $false
            Add-LabLog 'hman.log' "Site system no longer in use: $($dp.siteCode) $($dp.server) SMS Distribution Point"
            Add-HmanProcessed $dp.siteCode
            Add-LabLog 'distmgr.log' "Uninstalling distribution point files from server $($dp.server)~"
            $job.step = 1
        }
        1 {
            $account = Get-SiteServerAccountPath $dp.siteCode
            if ($null -eq $h -or -not $h.reachable -or -not (Test-HostAdmin $h $account)) {
                Add-LabLog 'distmgr.log' "Failed to remove the distribution point files from $($dp.server): error 5 (access denied: $account is not a local administrator there)"
                $job.failed = 'access-denied'; return
            }
            $h.dpWmiProvider = $false
            $job.step = 2
        }
        2 {
            $h.shares = @($h.shares | Where-Object { $_ -ne 'SMS_DP$' -and $_ -ne 'SCCMContentLib$' -and $_ -ne 'SMSSIG$' })
            Add-LabLog 'distmgr.log' "Removed share SMS_DP$ from server $($dp.server)"
            Add-LabLog 'distmgr.log' "Removed share SCCMContentLib$ from server $($dp.server)"
            Add-LabLog 'distmgr.log' "Removed share SMSSIG$ from server $($dp.server)"
            $job.step = 3
        }
        3 {
            Add-LabLog 'distmgr.log' '~Completed uninstalling distribution on the remote distribution point'
            Add-LabLog 'distmgr.log' "Deleting DP registry on NAL Path = $nal , ServerName = $($dp.server)"
            $job.step = 4
            $job.done = $true
            $state.distributionPoints = @($state.distributionPoints | Where-Object { -not ($_.server -eq $dp.server -and $_.siteCode -eq $dp.siteCode) })
        }
    }
}

<# SMS_Site.Status: 1 active, 2 pending (install), 3 failed, 4 deleted/deinstalling (UNCONFIRMED mapping beyond 1). #>
function Step-SecondarySite($site, $job) {
    $state = Get-LabState
    $h = Get-LabHost $site.server
    if ($job.action -eq 'install') {
        switch ([int]$job.step) {
            0 {
                $account = Get-SiteServerAccountPath $site.parent
                if ($null -eq $h -or -not (Test-HostAdmin $h $account)) {
                    Add-LabLog 'ConfigMgrSetup.log' "Setup cannot connect to $($site.server): the parent site server's account is not a local administrator there"
                    $site.status = 3; $job.done = $true; return
                }
                $job.step = 1
            }
            1 {
                $site.status = 1
                $h.siteInstalled = $site.code
                $h.shares = @(@($h.shares) + @("SMS_$($site.code)") | Select-Object -Unique)
                Add-LabLog 'ConfigMgrSetup.log' "Secondary site $($site.code) installed on $($site.server)"
                $job.done = $true
                # The secondary's own DP: installed by its DistMgr, IIS only when asked for.
                if ($site.ContainsKey('dp') -and $site.dp) { Start-LabDpJob (Get-LabDp $site.server $site.code) 'install' }
            }
        }
    }
}

function Start-LabDpJob($dp, [string]$Action) {
    if ($null -eq $dp) { return }
    $state = Get-LabState
    $dp.job = @{ action = $Action; step = 0; done = $false; failed = $null; nextAt = [long]$state.clock }
}

function Test-VersionAtLeast([string]$Version, [string]$Floor) {
    return (Get-VersionRank $Version) -ge (Get-VersionRank $Floor)
}

function Get-VersionRank([string]$Version) {
    switch ($Version) {
        '2012' { return 100 } '2012 SP1' { return 110 } '2012 R2' { return 120 } '2012 R2 SP1' { return 125 }
        default {
            if ($Version -match '^\d{4}$') { return [int]$Version }
            throw "lab double: unknown ConfigMgr version '$Version'"
        }
    }
}

# -----------------------------------------------------------------------------------------------
# The SMS Provider's classes (root\SMS\site_<code>) as rows. Property names as the class reference
# documents them (memdocs develop/reference/core/servers/configure/*).

function Get-SmsRows([string]$Class, [string]$ProviderSite) {
    $state = Get-LabState
    switch ($Class) {
        'SMS_Site' {
            return @(foreach ($s in @($state.sites)) {
                    if ($s.ContainsKey('deleted') -and $s.deleted) { continue }
                    @{ SiteCode = $s.code; SiteName = $s.name; ServerName = $s.server; Version = (Get-SiteBuild $state.version); BuildNumber = [int](Get-SiteBuild $state.version).Split('.')[2]
                        Type = $(if ($s.type -eq 'secondary') { 1 } elseif ($s.type -eq 'cas') { 4 } else { 2 }); Status = [int]$s.status; ReportingSiteCode = [string]$s.parent; InstallDir = 'C:\Program Files\Microsoft Configuration Manager' }
                })
        }
        'SMS_DistributionPointInfo' {
            return @(foreach ($d in @($state.distributionPoints)) {
                    if (-not $d.infoRow) { continue }
                    $st = $d.settings
                    @{ ServerName = $d.server; SiteCode = $d.siteCode; NALPath = (Get-NalPath $d.server $d.siteCode); IsPullDP = [bool]$st.enablePullDP
                        IsPXE = [bool]$st.enablePxe; IsActive = [bool]$st.allowPxeResponse; IsMulticast = [bool]$st.enableMulticast; SccmPxe = [bool]$st.enableNonWdsPxe
                        SupportUnknownMachines = [bool]$st.enableUnknownComputerSupport; ResponseDelay = [int]$st.pxeDelay; UdaSetting = [int]$st.udaSetting
                        Communication = $(if ($st.https) { 1 } else { 0 }); Description = [string]$st.description; PreStagingAllowed = [bool]$st.allowPreStaging
                        OperatingSystem = [string](Get-LabHost $d.server).os; ResourceType = 'Windows NT Server'; DPID = [long]$d.id }
                })
        }
        'SMS_StatusMessage' {
            return @(foreach ($m in @($state.statusMessages)) {
                    @{ RecordID = [long]$m.recordId; MessageID = [int]$m.messageId; Component = $m.component; SiteCode = $m.siteCode; MachineName = $m.machine
                        Severity = [int]$m.severity; MessageType = 256; ModuleName = 'SMS Server'; Time = (ConvertTo-WmiDate $m.clock) }
                })
        }
        'SMS_StatMsgInsStrings' {
            return @(foreach ($m in @($state.statusMessages)) {
                    $i = 0
                    foreach ($s in @($m.insStrings)) { @{ RecordID = [long]$m.recordId; InsStrIndex = $i; InsStrValue = [string]$s }; $i++ }
                })
        }
        'SMS_StatMsgWithInsStrings' {
            return @(foreach ($m in @($state.statusMessages)) {
                    $row = @{ RecordID = [long]$m.recordId; MessageID = [int]$m.messageId; Component = $m.component; SiteCode = $m.siteCode; MachineName = $m.machine; Severity = [int]$m.severity }
                    for ($i = 1; $i -le 10; $i++) { $row["InsString$i"] = $(if ($i -le @($m.insStrings).Count) { [string]@($m.insStrings)[$i - 1] } else { $null }) }
                    $row
                })
        }
        'SMS_SCI_SysResUse' {
            return @(foreach ($ss in @($state.siteSystems)) { foreach ($r in @(Get-SiteSystemRoles $ss)) { Get-SysResUseRow $ss $r } })
        }
        'SMS_SystemResourceList' {
            return @(foreach ($ss in @($state.siteSystems)) { foreach ($r in @(Get-SiteSystemRoles $ss)) { @{ RoleName = $r; ServerName = $ss.server; SiteCode = $ss.siteCode; NALPath = (Get-NalPath $ss.server $ss.siteCode) } } })
        }
        'SMS_Boundary' {
            return @(foreach ($b in @($state.boundaries)) {
                    @{ BoundaryID = [long]$b.id; BoundaryType = [int]$b.type; Value = $b.value; DisplayName = [string]$b.name
                        GroupCount = @($state.boundaryGroups | Where-Object { @($_.boundaries) -contains $b.id }).Count }
                })
        }
        'SMS_BoundaryGroup' {
            return @(foreach ($g in @($state.boundaryGroups)) {
                    @{ GroupID = [long]$g.id; Name = $g.name; Description = [string]$g.description; DefaultSiteCode = [string]$g.defaultSiteCode
                        MemberCount = @($g.boundaries).Count; SiteSystemCount = @($g.siteSystems).Count; Shared = $false }
                })
        }
        'SMS_BoundaryGroupMembers' {
            return @(foreach ($g in @($state.boundaryGroups)) { foreach ($b in @($g.boundaries)) { @{ GroupID = [long]$g.id; BoundaryID = [long]$b } } })
        }
        'SMS_BoundaryGroupSiteSystems' {
            return @(foreach ($g in @($state.boundaryGroups)) {
                    foreach ($s in @($g.siteSystems)) { @{ GroupID = [long]$g.id; ServerNALPath = (Get-NalPath $s.server $s.siteCode); SiteCode = $s.siteCode; Flags = 0 } }
                })
        }
    }
    return $null
}

function ConvertTo-WmiDate($Clock) {
    $state = Get-LabState
    $epoch = if ($state.ContainsKey('epoch')) { [datetime]::Parse($state.epoch).ToUniversalTime() } else { [datetime]'2026-01-01T00:00:00Z' }
    return $epoch.AddSeconds([double]$Clock).ToString('yyyyMMddHHmmss.ffffff') + '+000'
}

function Get-SiteBuild([string]$Version) {
    # SMS_Site.Version per release: current branch from memdocs' "Updates and servicing" version
    # table (2503 9135 and 2509 9141 from its supported-versions table); the 2012 family from the
    # community tables (RTM 7711, SP1 7804, R2 7958, R2 SP1 8239; UNCONFIRMED in Microsoft text).
    $builds = @{
        '2012' = 7711; '2012 SP1' = 7804; '2012 R2' = 7958; '2012 R2 SP1' = 8239
        '1511' = 8325; '1602' = 8355; '1606' = 8412; '1610' = 8458; '1702' = 8498; '1706' = 8540; '1710' = 8577
        '1802' = 8634; '1806' = 8692; '1810' = 8740; '1902' = 8790; '1906' = 8853; '1910' = 8913; '2002' = 8968
        '2006' = 9012; '2010' = 9040; '2103' = 9049; '2107' = 9058; '2111' = 9068; '2203' = 9078; '2207' = 9088
        '2211' = 9096; '2303' = 9106; '2309' = 9122; '2403' = 9128; '2409' = 9132; '2503' = 9135; '2509' = 9141
    }
    if (-not $builds.ContainsKey($Version)) { throw "lab double: no site build number for ConfigMgr $Version" }
    return ('5.00.{0}.1000' -f $builds[$Version])
}

function Get-SiteSystemRoles($ss) {
    $roles = @('SMS Site System', 'SMS Component Server')
    $roles += @($ss.roles)
    $dpRow = Get-LabDp $ss.server $ss.siteCode
    if ($dpRow -and $dpRow.role) { if ($roles -notcontains 'SMS Distribution Point') { $roles += 'SMS Distribution Point' } }
    return $roles
}

function New-Prop([string]$Name, $Value, $Value1, $Value2) {
    return [pscustomobject]@{ PropertyName = $Name; Value = $Value; Value1 = $Value1; Value2 = $Value2 }
}

function Get-SysResUseRow($ss, [string]$Role) {
    $props = New-Object System.Collections.Generic.List[object]
    $lists = New-Object System.Collections.Generic.List[object]
    if ($Role -eq 'SMS Site System') {
        $proxy = $ss.proxy
        $props.Add((New-Prop 'UseProxy' ([int][bool]$proxy) $null $null))
        $props.Add((New-Prop 'ProxyName' 0 $null $(if ($proxy) { $proxy.server } else { '' })))
        $props.Add((New-Prop 'ProxyServerPort' $(if ($proxy) { [int]$proxy.port } else { 80 }) $null $null))
        $props.Add((New-Prop 'Server Remote Name' 0 $null $ss.server))
    }
    if ($Role -eq 'SMS Distribution Point') {
        $dp = Get-LabDp $ss.server $ss.siteCode
        $st = $dp.settings
        $props.Add((New-Prop 'DPMonEnabled' ([int][bool]$st.enableContentValidation) $null $null))
        $props.Add((New-Prop 'MinFreeSpace' ([int]$st.minimumFreeSpaceMB) $null $null))
        $props.Add((New-Prop 'IsAnonymousEnabled' ([int][bool]$st.enableAnonymous) $null $null))
        $props.Add((New-Prop 'IsPullDP' ([int][bool]$st.enablePullDP) $null $null))
        $props.Add((New-Prop 'SslState' $(if ($st.https) { 63 } else { 0 }) $null $null))
        $props.Add((New-Prop 'Description' 0 $null ([string]$st.description)))
        # The drives the DP was given (ConfigMgrCBDsc's DistributionPoint reads them from Value1: primary letter, then secondary).
        foreach ($pair in @(@('AvailableContentLibDrivesList', 'primaryContentLibraryLocation', 'secondaryContentLibraryLocation'), @('AvailablePkgShareDrivesList', 'primaryPackageShareLocation', 'secondaryPackageShareLocation'))) {
            $letters = @($pair[1], $pair[2] | ForEach-Object { if ($st.ContainsKey($_) -and [string]$st[$_] -match '^[A-Za-z]$') { ([string]$st[$_]).ToUpperInvariant() } }) -join ''
            if ($letters) { $props.Add((New-Prop $pair[0] 0 $letters $null)) }
        }
        $lists.Add([pscustomobject]@{ PropertyListName = 'SourceDistributionPoints'; Values = @(@($st.sourceDps) | Where-Object { $_ } | ForEach-Object { Get-NalPath $_ $ss.siteCode }) })
        $lists.Add([pscustomobject]@{ PropertyListName = 'SourceDPRanks'; Values = @(@($st.sourceRanks) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ }) })
    }
    return @{ RoleName = $Role; NetworkOSPath = '\\' + $ss.server; NALPath = (Get-NalPath $ss.server $ss.siteCode); NALType = 'Windows NT Server'; SiteCode = $ss.siteCode
        ItemName = '["Display=\\' + $ss.server + '\"]MSWNET:["SMS_SITE=' + $ss.siteCode + '"]\\' + $ss.server + '\,' + $Role; Props = $props.ToArray(); PropLists = $lists.ToArray(); ServerName = $ss.server }
}

$script:SmsProperties = @{}
function Get-SmsClassProperties([string]$Class) {
    # The property names each class has (for "Invalid query" on an unknown one).
    $known = @{
        SMS_Site                      = 'SiteCode', 'SiteName', 'ServerName', 'Version', 'BuildNumber', 'Type', 'Status', 'ReportingSiteCode', 'InstallDir'
        SMS_DistributionPointInfo     = 'ServerName', 'SiteCode', 'NALPath', 'IsPullDP', 'IsPXE', 'IsActive', 'IsMulticast', 'SccmPxe', 'SupportUnknownMachines', 'ResponseDelay', 'UdaSetting', 'Communication', 'Description', 'PreStagingAllowed', 'OperatingSystem', 'ResourceType', 'DPID'
        SMS_StatusMessage             = 'RecordID', 'MessageID', 'Component', 'SiteCode', 'MachineName', 'Severity', 'MessageType', 'ModuleName', 'Time'
        SMS_StatMsgInsStrings         = 'RecordID', 'InsStrIndex', 'InsStrValue'
        SMS_StatMsgWithInsStrings     = @('RecordID', 'MessageID', 'Component', 'SiteCode', 'MachineName', 'Severity') + @(1..10 | ForEach-Object { "InsString$_" })
        SMS_SCI_SysResUse             = 'RoleName', 'NetworkOSPath', 'NALPath', 'NALType', 'SiteCode', 'ItemName', 'Props', 'PropLists', 'ServerName'
        SMS_SystemResourceList        = 'RoleName', 'ServerName', 'SiteCode', 'NALPath'
        SMS_Boundary                  = 'BoundaryID', 'BoundaryType', 'Value', 'DisplayName', 'GroupCount'
        SMS_BoundaryGroup             = 'GroupID', 'Name', 'Description', 'DefaultSiteCode', 'MemberCount', 'SiteSystemCount', 'Shared'
        SMS_BoundaryGroupMembers      = 'GroupID', 'BoundaryID'
        SMS_BoundaryGroupSiteSystems  = 'GroupID', 'ServerNALPath', 'SiteCode', 'Flags'
    }
    if ($known.ContainsKey($Class)) { return [string[]]$known[$Class] }
    return $null
}

Export-ModuleMember -Function Get-NalPath, Get-LabSite, Get-LabDp, Get-LabSiteSystem, Add-LabStatusMessage, Add-LabLog, Invoke-LabDistMgr, Start-LabDpJob,
Test-VersionAtLeast, Get-VersionRank, Get-SmsRows, Get-SmsClassProperties, Get-SysResUseRow, Get-SiteSystemRoles, Test-HostAdmin, Get-SiteServerAccountPath
