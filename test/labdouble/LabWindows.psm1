# The Windows side of the lab double: Get-WmiObject (PowerShell 2.0-5.1 semantics), [ADSI] WinNT
# groups, Test-Path of UNC shares, the SecurityIdentifier → NTAccount translation, a simulated
# clock (Start-Sleep returns at once and advances it; Get-Date reads it). Executables (dism.exe,
# shutdown.exe, ServerManagerCmd.exe) live in windows/System32; the feature cmdlets in
# modules/<os family>/ (only on the OS versions that have them).

Set-StrictMode -Off  # the double reads optional state fields freely; the scripts keep their own strict mode
Import-Module (Join-Path $PSScriptRoot 'LabState.psm1')
Import-Module (Join-Path $PSScriptRoot 'LabWql.psm1')
Import-Module (Join-Path $PSScriptRoot 'LabSite.psm1')

# --- errors the way a compiled cmdlet raises them ------------------------------------------------

function Write-LabError($Cmdlet, [System.Exception]$Exception, [string]$Id, [System.Management.Automation.ErrorCategory]$Category, $Target) {
    $record = [System.Management.Automation.ErrorRecord]::new($Exception, $Id, $Category, $Target)
    $pref = $null
    if ($Cmdlet.MyInvocation.BoundParameters.ContainsKey('ErrorAction')) { $pref = [string]$Cmdlet.MyInvocation.BoundParameters['ErrorAction'] }
    else { $pref = [string]$Cmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    if ($pref -eq 'Stop') { $Cmdlet.ThrowTerminatingError($record) }
    if ($pref -ne 'SilentlyContinue' -and $pref -ne 'Ignore') { $Cmdlet.WriteError($record) }
}

# --- the clock -----------------------------------------------------------------------------------

function Start-Sleep {
    [CmdletBinding(DefaultParameterSetName = 'Seconds')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'Seconds')][double]$Seconds,
        [Parameter(Mandatory = $true, ParameterSetName = 'Milliseconds')][int]$Milliseconds
    )
    $state = Get-LabState
    $add = if ($PSCmdlet.ParameterSetName -eq 'Seconds') { $Seconds } else { $Milliseconds / 1000.0 }
    $state.clock = [long]([double]$state.clock + [math]::Ceiling($add))
    Save-LabState
}

function Get-Date {
    [CmdletBinding(DefaultParameterSetName = 'net')]
    param(
        [Parameter(Position = 0, ValueFromPipeline = $true)][datetime]$Date,
        [int]$Year, [int]$Month, [int]$Day, [int]$Hour, [int]$Minute, [int]$Second, [int]$Millisecond,
        [Microsoft.PowerShell.Commands.DisplayHintType]$DisplayHint,
        [Parameter(ParameterSetName = 'net')][string]$Format,
        [Parameter(ParameterSetName = 'UFormat')][string]$UFormat
    )
    if (-not $PSBoundParameters.ContainsKey('Date')) {
        $PSBoundParameters['Date'] = [datetime]::Now.AddSeconds([double](Get-LabState).clock)
    }
    Microsoft.PowerShell.Utility\Get-Date @PSBoundParameters
}

# --- SecurityIdentifier.Translate, which only works on Windows -----------------------------------

function New-Object {
    [CmdletBinding(DefaultParameterSetName = 'Net')]
    param(
        [Parameter(ParameterSetName = 'Net', Mandatory = $true, Position = 0)][string]$TypeName,
        [Parameter(ParameterSetName = 'Com', Mandatory = $true)][string]$ComObject,
        [Parameter(ParameterSetName = 'Net', Position = 1)][Alias('Args')][object[]]$ArgumentList,
        [Parameter(ParameterSetName = 'Com')][switch]$Strict,
        [System.Collections.IDictionary]$Property
    )
    if ($PSCmdlet.ParameterSetName -eq 'Net' -and $TypeName -match '^(System\.)?Security\.Principal\.SecurityIdentifier$') {
        return [LabSecurityIdentifier]::new([string]@($ArgumentList)[0])
    }
    Microsoft.PowerShell.Utility\New-Object @PSBoundParameters
}

class LabNTAccount {
    [string]$Value
    LabNTAccount([string]$v) { $this.Value = $v }
    [string] ToString() { return $this.Value }
}

class LabSecurityIdentifier {
    [string]$Value
    LabSecurityIdentifier([string]$sid) {
        if ($sid -notmatch '^S-1-(\d+-)*\d+$') { throw [System.ArgumentException]::new('Value was invalid.' + [Environment]::NewLine + 'Parameter name: sddlForm') }
        $this.Value = $sid
    }
    [object] Translate([type]$targetType) {
        $h = Get-LabThisHost
        foreach ($g in @($h.groups)) { if ($g.sid -eq $this.Value) { return [LabNTAccount]::new('BUILTIN\' + $g.name) } }
        if ($this.Value -eq 'S-1-5-32-544') { return [LabNTAccount]::new('BUILTIN\' + $h.administrators.name) }
        throw [System.Security.Principal.IdentityNotMappedException]::new('Some or all identity references could not be translated.')
    }
    [string] ToString() { return $this.Value }
}

# --- [ADSI] WinNT:// groups ---------------------------------------------------------------------

class LabAdsiMember {
    [string]$ADsPath
    [string]$Name
    [string]$Class = 'User'
    LabAdsiMember([string]$path) { $this.ADsPath = $path; $this.Name = $path.Substring($path.LastIndexOf('/') + 1) }
}

class LabAdsiGroup {
    hidden [string]$Path
    hidden [string]$Computer
    hidden [string]$GroupName
    [string]$Name
    LabAdsiGroup([string]$path) {
        $m = [regex]::Match($path, '^WinNT://([^/]+)/([^,]+)(,group)?$', 'IgnoreCase')
        if (-not $m.Success) { throw [System.Runtime.InteropServices.COMException]::new('Unknown error (0x80005000)', -2147463168) }
        $this.Path = $path
        $this.Computer = $m.Groups[1].Value
        $this.GroupName = $m.Groups[2].Value
        $this.Name = $this.GroupName
    }
    hidden [hashtable] Group() {
        $h = Get-LabHost $this.Computer
        if ($null -eq $h) { throw [System.Runtime.InteropServices.COMException]::new('The network path was not found. (Exception from HRESULT: 0x80070035)', -2147024843) }
        if ([string]::Equals($h.administrators.name, $this.GroupName, [System.StringComparison]::OrdinalIgnoreCase)) { return $h.administrators }
        # ADSI binds lazily: a wrong group name fails at the first use.
        throw [System.Runtime.InteropServices.COMException]::new('The group name could not be found. (Exception from HRESULT: 0x800708AC)', -2147022676)
    }
    hidden [bool] Known([string]$member) {
        $state = Get-LabState
        $m = [regex]::Match($member, '^WinNT://([^/]+)/(.+)$', 'IgnoreCase')
        if (-not $m.Success) { return $false }
        if (-not [string]::Equals($m.Groups[1].Value, [string]$state.domain, [System.StringComparison]::OrdinalIgnoreCase)) { return $false }
        foreach ($a in @($state.domainAccounts)) { if ([string]::Equals([string]$a, $m.Groups[2].Value, [System.StringComparison]::OrdinalIgnoreCase)) { return $true } }
        return $false
    }
    [bool] IsMember([string]$member) {
        $g = $this.Group()
        foreach ($x in @($g.members)) { if ([string]::Equals([string]$x.path, $member, [System.StringComparison]::OrdinalIgnoreCase)) { return $true } }
        return $false
    }
    hidden [void] Fail($fault, [bool]$Before) {
        # An injected fault (README, "Faults"): the domain controller or the host's RPC endpoint went away.
        if ($null -eq $fault -or ($fault.when -eq 'before') -ne $Before) { return }
        $text = if ($fault.ContainsKey('message') -and $fault.message) { [string]$fault.message } else { 'The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)' }
        throw [System.Runtime.InteropServices.COMException]::new($text, -2147023174)
    }
    [void] Add([string]$member) {
        $g = $this.Group()
        $fault = Get-LabFault '[ADSI].Add'
        Add-LabCall 'windows' '[ADSI].Add' @{ group = $this.Path; member = $member } $true $null $fault
        $this.Fail($fault, $true)
        if ($this.IsMember($member)) { throw [System.Runtime.InteropServices.COMException]::new('The specified account name is already a member of the group. (Exception from HRESULT: 0x80070562)', -2147023774) }
        $h = Get-LabHost $this.Computer
        if (-not $h.domainJoined -or -not $this.Known($member)) { throw [System.Runtime.InteropServices.COMException]::new('A member could not be added to or removed from the local group because the member does not exist. (Exception from HRESULT: 0x8007056B)', -2147023765) }
        $g.members = @($g.members) + @(@{ path = $member })
        Save-LabState
        $this.Fail($fault, $false)
    }
    [void] Remove([string]$member) {
        $g = $this.Group()
        $fault = Get-LabFault '[ADSI].Remove'
        Add-LabCall 'windows' '[ADSI].Remove' @{ group = $this.Path; member = $member } $true $null $fault
        $this.Fail($fault, $true)
        if (-not $this.IsMember($member)) { throw [System.Runtime.InteropServices.COMException]::new('The specified account name is not a member of the group. (Exception from HRESULT: 0x80070561)', -2147023775) }
        $g.members = @($g.members | Where-Object { -not [string]::Equals([string]$_.path, $member, [System.StringComparison]::OrdinalIgnoreCase) })
        Save-LabState
        $this.Fail($fault, $false)
    }
    [object] Invoke([string]$method) {
        if ($method -ne 'Members') { throw [System.Runtime.InteropServices.COMException]::new('Unknown name. (Exception from HRESULT: 0x80020006 (DISP_E_UNKNOWNNAME))', -2147352570) }
        return @(foreach ($x in @($this.Group().members)) { [LabAdsiMember]::new([string]$x.path) })
    }
}

$accelerators = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')
[void]$accelerators::Remove('ADSI')
$accelerators::Add('ADSI', [LabAdsiGroup])

# --- Test-Path of \\host\share ------------------------------------------------------------------

function Test-Path {
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    param(
        [Parameter(ParameterSetName = 'Path', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)][string[]]$Path,
        [Parameter(ParameterSetName = 'LiteralPath', Mandatory = $true, ValueFromPipelineByPropertyName = $true)][Alias('PSPath', 'LP')][string[]]$LiteralPath,
        [string]$Filter, [string[]]$Include, [string[]]$Exclude,
        [Alias('Type')][Microsoft.PowerShell.Commands.TestPathType]$PathType,
        [switch]$IsValid, [datetime]$OlderThan, [datetime]$NewerThan, [pscredential]$Credential
    )
    $paths = if ($PSCmdlet.ParameterSetName -eq 'Path') { $Path } else { $LiteralPath }
    $unc = @($paths | Where-Object { ($_ -replace '^(Microsoft\.PowerShell\.Core\\)?FileSystem::', '') -match '^\\\\' })
    if ($unc.Count -eq 0) { return (Microsoft.PowerShell.Management\Test-Path @PSBoundParameters) }
    foreach ($p in $paths) {
        $bare = $p -replace '^(Microsoft\.PowerShell\.Core\\)?FileSystem::', ''
        $m = [regex]::Match($bare, '^\\\\([^\\]+)\\([^\\]+)(\\.*)?$')
        if (-not $m.Success) { $false; continue }
        if ($p -eq $bare -and (Get-Location).Provider.Name -ne 'FileSystem') {
            # A UNC path on a provider drive other than FileSystem (the CM site drive) resolves
            # against that provider, as on Windows: no such item.
            $false; continue
        }
        Invoke-LabDistMgr
        $h = Get-LabHost $m.Groups[1].Value
        $share = $m.Groups[2].Value
        $ok = ($null -ne $h -and $h.reachable -and @($h.shares) -contains $share)
        Add-LabCall 'wmi' 'Test-Path' @{ path = $p } $false $null
        $ok
    }
}

# --- Get-WmiObject -------------------------------------------------------------------------------

function Get-WmiObject {
    [CmdletBinding(DefaultParameterSetName = 'query')]
    param(
        [Parameter(ParameterSetName = 'query', Mandatory = $true, Position = 0)][Parameter(ParameterSetName = 'list', Position = 1)][Alias('ClassName')][string]$Class,
        [Parameter(ParameterSetName = 'query', Position = 1)][string[]]$Property,
        [Parameter(ParameterSetName = 'query')][string]$Filter,
        [Parameter(ParameterSetName = 'WQLQuery', Mandatory = $true)][string]$Query,
        [Parameter(ParameterSetName = 'list')][switch]$List,
        [Parameter(ParameterSetName = 'list')][switch]$Recurse,
        [switch]$Amended, [switch]$DirectRead, [switch]$AsJob,
        [string]$Impersonation, [string]$Authentication, [string]$Locale, [switch]$EnableAllPrivileges, [string]$Authority,
        [pscredential]$Credential, [int]$ThrottleLimit,
        [Alias('Cn')][string[]]$ComputerName = @('localhost'),
        [string]$Namespace = 'root\cimv2'
    )
    $className = $Class
    $where = $Filter
    if ($PSCmdlet.ParameterSetName -eq 'WQLQuery') {
        try { $q = Split-WqlQuery $Query } catch { Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new('Invalid query ')) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $Query; return }
        $className = $q.class; $where = $q.where
    }
    foreach ($computer in $ComputerName) {
        $target = if ($computer -in 'localhost', '.', '') { $env:COMPUTERNAME } else { $computer }
        $h = Get-LabHost $target
        if ($null -eq $h -or -not $h.reachable) {
            Write-LabError $PSCmdlet ([System.Runtime.InteropServices.COMException]::new('The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)', -2147023174)) 'GetWMICOMException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $computer
            continue
        }
        $ns = $Namespace.ToLowerInvariant().Replace('/', '\')
        $rows = $null
        $props = $null
        if ($ns -eq 'root\cimv2') {
            $rows = Get-Cimv2Rows $className $h
            $props = Get-Cimv2Properties $className
        } elseif ($ns -eq 'root\sms') {
            # root\SMS on an SMS Provider: SMS_ProviderLocation names the site(s) it serves.
            $props = if ($className -eq 'SMS_ProviderLocation') { [string[]]('SiteCode', 'Machine', 'NamespacePath', 'ProviderForLocalSite') } else { $null }
            $rows = @(foreach ($s in @((Get-LabState).sites)) {
                    if ($s.type -eq 'secondary') { continue }
                    $provider = if ($s.ContainsKey('provider') -and $s.provider) { $s.provider } else { $s.server }
                    if ($provider.Split('.')[0].ToUpperInvariant() -ne $h.name) { continue }
                    @{ SiteCode = $s.code; Machine = $provider; NamespacePath = "\\$provider\root\sms\site_$($s.code)"; ProviderForLocalSite = $true }
                })
            if ($rows.Count -eq 0) {
                Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new('Invalid namespace ')) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $Namespace
                continue
            }
        } elseif ($ns -match '^root\\sms\\site_([a-z0-9]{3})$') {
            $code = $Matches[1].ToUpperInvariant()
            $site = Get-LabSite $code
            $provider = if ($site -and $site.ContainsKey('provider') -and $site.provider) { $site.provider } elseif ($site) { $site.server } else { $null }
            if ($null -eq $site -or $site.type -eq 'secondary' -or $provider.Split('.')[0].ToUpperInvariant() -ne $h.name) {
                Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new('Invalid namespace ')) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $Namespace
                continue
            }
            Invoke-LabDistMgr
            $rows = Get-SmsRows $className $code
            $props = Get-SmsClassProperties $className
        } else {
            Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new('Invalid namespace ')) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $Namespace
            continue
        }
        $fault = Get-LabFault 'Get-WmiObject'
        Add-LabCall 'wmi' 'Get-WmiObject' $PSBoundParameters $false $PSCmdlet.ParameterSetName $fault
        if ($fault) {
            # An injected fault (README, "Faults"): WMI's WBEM_E_FAILED (a read changes nothing: 'after' is the same).
            $text = if ($fault.ContainsKey('message') -and $fault.message) { [string]$fault.message } else { 'Generic failure ' }
            Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new($text)) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $className
            continue
        }
        if ($null -eq $props) {
            Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new('Invalid class ')) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidType $className
            continue
        }
        try { $selected = Select-WqlRows @($rows) $where $props }
        catch { Write-LabError $PSCmdlet ([System.Management.Automation.RuntimeException]::new('Invalid query ')) 'GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand' InvalidOperation $where; continue }
        foreach ($row in $selected) {
            $o = [ordered]@{}
            foreach ($p in $props) { $o[$p] = $row[$p] }
            $o['__CLASS'] = $className
            $o['__NAMESPACE'] = $Namespace
            $o['__SERVER'] = $h.name
            $obj = [pscustomobject]$o
            $obj.PSObject.TypeNames.Insert(0, "System.Management.ManagementObject#$Namespace\$className")
            $obj
        }
    }
}

function Get-Cimv2Properties([string]$Class) {
    switch ($Class) {
        'Win32_OperatingSystem' { return [string[]]('Caption', 'Version', 'BuildNumber', 'ProductType', 'OSArchitecture', 'CSName') }
        'Win32_OptionalFeature' { return [string[]]('Name', 'Caption', 'InstallState') }
        'Win32_Group' { return [string[]]('Name', 'SID', 'Domain', 'LocalAccount', 'Caption', 'SIDType') }
        'Win32_ComputerSystem' { return [string[]]('Name', 'Domain', 'PartOfDomain', 'DomainRole', 'TotalPhysicalMemory') }
        'Win32_Processor' { return [string[]]('DeviceID', 'NumberOfCores', 'NumberOfLogicalProcessors') }
        'Win32_LogicalDisk' { return [string[]]('DeviceID', 'DriveType', 'FreeSpace') }
        'Win32_ServerFeature' { return [string[]]('ID', 'Name', 'ParentID') }
    }
    return $null
}

function Get-Cimv2Rows([string]$Class, $h) {
    switch ($Class) {
        'Win32_OperatingSystem' {
            $os = Get-OsFacts $h.os
            # The caption names the edition (Microsoft Windows 7 Enterprise, ... Server 2022 Datacenter); OSArchitecture as WMI spells it.
            $caption = $os.caption
            if ($h.ContainsKey('edition') -and $h.edition) { $caption = ($caption -replace ' (Enterprise|Standard)$', '') + ' ' + (Get-EditionWord $h.edition) }
            $arch = if ($h.ContainsKey('architecture') -and $h.architecture -eq 'x86') { '32-bit' } elseif ($h.ContainsKey('architecture') -and $h.architecture -eq 'arm64') { 'ARM 64-bit Processor' } else { '64-bit' }
            return @(@{ Caption = $caption; Version = $os.version; BuildNumber = $os.version.Split('.')[2]; ProductType = $os.productType; OSArchitecture = $arch; CSName = $h.name })
        }
        'Win32_Processor' {
            # One row per socket; the double has one socket with all the host's cores.
            $cores = if ($h.ContainsKey('hardware') -and $h.hardware) { [int]$h.hardware.cores } else { 2 }
            return @(@{ DeviceID = 'CPU0'; NumberOfCores = $cores; NumberOfLogicalProcessors = $cores })
        }
        'Win32_LogicalDisk' {
            $disks = if ($h.ContainsKey('disks') -and $h.disks) { @($h.disks) } else { @(@{ drive = 'C'; freeGB = 100 }) }
            return @(foreach ($d in $disks) { @{ DeviceID = ([string]$d.drive + ':'); DriveType = 3; FreeSpace = [long]([double]$d.freeGB * 1GB) } })
        }
        'Win32_OptionalFeature' {
            if ((Get-OsFacts $h.os).productType -ne 1) { return @() }
            return @(foreach ($k in @($h.features.Keys | Sort-Object)) {
                    $v = $h.features[$k]
                    @{ Name = $k; Caption = $k; InstallState = $(switch ($v) { 'Enabled' { 1 } 'EnablePending' { 1 } 'Disabled' { 2 } default { 3 } }) }
                })
        }
        'Win32_ServerFeature' {
            if ((Get-OsFacts $h.os).productType -eq 1) { return @() }
            return @(foreach ($k in @($h.features.Keys | Sort-Object)) { if ($h.features[$k] -eq 'Enabled') { @{ ID = 0; Name = $k; ParentID = 0 } } })
        }
        'Win32_Group' {
            $rows = @(@{ Name = $h.administrators.name; SID = 'S-1-5-32-544'; Domain = $h.name; LocalAccount = $true; Caption = "$($h.name)\$($h.administrators.name)"; SIDType = 4 })
            foreach ($g in @($h.groups)) { $rows += @{ Name = $g.name; SID = $g.sid; Domain = $h.name; LocalAccount = $true; Caption = "$($h.name)\$($g.name)"; SIDType = 4 } }
            return $rows
        }
        'Win32_ComputerSystem' {
            $memoryGB = if ($h.ContainsKey('hardware') -and $h.hardware) { [double]$h.hardware.memoryGB } else { 8 }
            return @(@{ Name = $h.name; Domain = $(if ($h.domainJoined) { $h.fqdn.Substring($h.fqdn.IndexOf('.') + 1) } else { 'WORKGROUP' }); PartOfDomain = [bool]$h.domainJoined; DomainRole = $(if ((Get-OsFacts $h.os).productType -eq 1) { 1 } else { 3 }); TotalPhysicalMemory = [long]($memoryGB * 1GB) })
        }
    }
    return $null
}

function Get-EditionWord([string]$Edition) {
    # The topology's edition id as Windows writes it in the OS caption.
    $words = @{ home = 'Home'; professional = 'Professional'; enterprise = 'Enterprise'; ultimate = 'Ultimate'; education = 'Education'; 'pro-education' = 'Pro Education'; 'pro-for-workstations' = 'Pro for Workstations'; standard = 'Standard'; datacenter = 'Datacenter'; 'datacenter-azure-edition' = 'Datacenter: Azure Edition' }
    if ($words.ContainsKey($Edition)) { return $words[$Edition] }
    return $Edition
}

function Get-OsFacts([string]$Os) {
    # Caption / version / ProductType (1 workstation, 3 server) per OS id of the topology schema.
    $t = @{
        'windows-7'              = @{ caption = 'Microsoft Windows 7 Enterprise'; version = '6.1.7601'; productType = 1; family = 'client-dism' }
        'windows-8'              = @{ caption = 'Microsoft Windows 8 Enterprise'; version = '6.2.9200'; productType = 1; family = 'client-dism' }
        'windows-8.1'            = @{ caption = 'Microsoft Windows 8.1 Enterprise'; version = '6.3.9600'; productType = 1; family = 'client-dism' }
        'windows-10'             = @{ caption = 'Microsoft Windows 10 Enterprise'; version = '10.0.19045'; productType = 1; family = 'client-modern' }
        'windows-11'             = @{ caption = 'Microsoft Windows 11 Enterprise'; version = '10.0.26100'; productType = 1; family = 'client-modern' }
        'windows-server-2008-r2' = @{ caption = 'Microsoft Windows Server 2008 R2 Standard'; version = '6.1.7601'; productType = 3; family = 'server-2008r2' }
        'windows-server-2008'    = @{ caption = 'Microsoft Windows Server 2008 Standard'; version = '6.0.6002'; productType = 3; family = 'server-2008' }
        'windows-server-2012'    = @{ caption = 'Microsoft Windows Server 2012 Standard'; version = '6.2.9200'; productType = 3; family = 'server-modern' }
        'windows-server-2012-r2' = @{ caption = 'Microsoft Windows Server 2012 R2 Standard'; version = '6.3.9600'; productType = 3; family = 'server-modern' }
        'windows-server-2016'    = @{ caption = 'Microsoft Windows Server 2016 Standard'; version = '10.0.14393'; productType = 3; family = 'server-modern' }
        'windows-server-2019'    = @{ caption = 'Microsoft Windows Server 2019 Standard'; version = '10.0.17763'; productType = 3; family = 'server-modern' }
        'windows-server-2022'    = @{ caption = 'Microsoft Windows Server 2022 Standard'; version = '10.0.20348'; productType = 3; family = 'server-modern' }
        'windows-server-2025'    = @{ caption = 'Microsoft Windows Server 2025 Standard'; version = '10.0.26100'; productType = 3; family = 'server-modern' }
    }
    if ($t.ContainsKey($Os)) {
        $f = $t[$Os]
        # Which feature modules Windows ships (Dism from Windows 8 / PowerShell 3.0; ServerManager
        # from 2008 R2) and whether PowerShell there is 2.0 (no module autoloading).
        $f.modules = switch ($f.family) { 'client-dism' { if ($Os -eq 'windows-7') { 'none' } else { 'client-modern' } } 'server-2008' { 'none' } default { $f.family } }
        $f.ps2 = $Os -in 'windows-7', 'windows-server-2008-r2', 'windows-server-2008'
        return $f
    }
    throw "lab double: unknown OS '$Os'"
}

function Sync-LabDoubleState { Sync-LabState }

Export-ModuleMember -Function Sync-LabDoubleState, Start-Sleep, Get-Date, New-Object, Test-Path, Get-WmiObject, Get-OsFacts, Write-LabError
