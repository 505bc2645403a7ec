# The lab double's ConfigurationManager module. At import it reads the site version from the lab
# state and defines every cmdlet the library uses with exactly that version's documented
# parameter sets (signatures/<version>.json, each cmdlet citing its reference page and commit),
# as [CmdletBinding()] functions with ParameterSetName attributes: binding — a misspelt
# parameter, one that version lacks, an impossible combination — is PowerShell's own.
# The behaviour behind the parameters is in CmdletBehaviour.ps1.

Set-StrictMode -Off  # the double reads optional state fields freely; the scripts keep their own strict mode

$labRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Import-Module (Join-Path $labRoot 'LabState.psm1')
Import-Module (Join-Path $labRoot 'LabSite.psm1')
Import-Module (Join-Path $labRoot 'LabWindows.psm1')

$state = Get-LabState
$version = [string]$state.version
if ((Get-VersionRank $version) -lt (Get-VersionRank '2012 SP1')) {
    # The cmdlet reference starts at 2012 SP1 (jj841410): 2012 RTM has no module to import.
    throw "The specified module 'ConfigurationManager' was not loaded because no valid module file was found (ConfigMgr $version has no PowerShell module)"
}

function Get-SignatureTable([string]$Version) {
    # 2012 R2 SP1 had the 2012 R2 cmdlet library plus its own additions; the double uses the R2 table (UNCONFIRMED equal).
    $file = switch ($Version) { '2012 SP1' { '2012sp1' } '2012 R2' { '2012r2' } '2012 R2 SP1' { '2012r2' } default { $Version } }
    $path = Join-Path $labRoot "signatures/$file.json"
    if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath $path)) {
        # A release between two tabled ones uses the newest tabled one before it.
        $ranked = @('1610', '1702', '2403', '2509') | Where-Object { (Get-VersionRank $_) -le (Get-VersionRank $Version) } | Select-Object -Last 1
        if (-not $ranked) { throw "lab double: no signature table for ConfigMgr $Version" }
        $path = Join-Path $labRoot "signatures/$ranked.json"
    }
    $script:SignatureFile = [System.IO.Path]::GetFileNameWithoutExtension($path)
    return (ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($path)) -AsHashtable)
}

$script:Signatures = Get-SignatureTable $version

$script:TypeMap = @{
    'String' = '[string]'; 'String[]' = '[string[]]'; 'Int32' = '[int]'; 'Int32[]' = '[int[]]'; 'UInt32' = '[uint32]'; 'Int64' = '[long]'
    'Boolean' = '[bool]'; 'SwitchParameter' = '[switch]'; 'DateTime' = '[datetime]'; 'SecureString' = '[securestring]'
    'Hashtable' = '[hashtable]'; 'Hashtable[]' = '[hashtable[]]'; 'PSCredential' = '[pscredential]'; 'Int16' = '[int16]'; 'Byte' = '[byte]'
    'String[][]' = '[string[][]]'; 'Guid' = '[guid]'; 'Object' = '[object]'; 'Object[]' = '[object[]]'
}

function ConvertTo-ParamType([string]$DocType) {
    if ($script:TypeMap.ContainsKey($DocType)) { return $script:TypeMap[$DocType] }
    if ($DocType.EndsWith('[]')) { return '[object[]]' }
    return '[object]'
}

function Get-CmdletSource([string]$Name) {
    $sig = $script:Signatures.cmdlets[$Name]
    $sets = $sig.sets
    $setNames = @($sets.Keys)
    $byParam = [ordered]@{}
    foreach ($setName in $setNames) {
        foreach ($p in @($sets[$setName])) {
            if (-not $byParam.Contains($p.name)) { $byParam[$p.name] = @{ first = $p; sets = New-Object System.Collections.Generic.List[object] } }
            $byParam[$p.name].sets.Add(@{ set = $setName; p = $p })
        }
    }
    $lines = New-Object System.Collections.Generic.List[string]
    $attr = @()
    if ($sig.defaultSet) { $attr += "DefaultParameterSetName = '$($sig.defaultSet)'" }
    if ($sig.shouldProcess) { $attr += 'SupportsShouldProcess = $true' }
    $lines.Add("# $Name, ConfigMgr $version : $($sig.source)")
    $lines.Add("[CmdletBinding($($attr -join ', '))]")
    $lines.Add('param(')
    $decls = @()
    foreach ($pname in $byParam.Keys) {
        $entry = $byParam[$pname]
        $d = New-Object System.Collections.Generic.List[string]
        foreach ($s in $entry.sets) {
            $args = @()
            if ($setNames.Count -gt 1 -or $s.set -ne '__AllParameterSets') { $args += "ParameterSetName = '$($s.set)'" }
            if ($s.p.mandatory) { $args += 'Mandatory = $true' }
            if ($s.p.ContainsKey('position') -and $null -ne $s.p.position) { $args += "Position = $($s.p.position)" }
            if ($s.p.ContainsKey('pipeline') -and $s.p.pipeline) { $args += 'ValueFromPipeline = $true' }
            $d.Add("[Parameter($($args -join ', '))]")
        }
        $first = $entry.first
        if ($first.ContainsKey('aliases') -and $first.aliases) { $d.Add("[Alias($((@($first.aliases) | ForEach-Object { "'$_'" }) -join ', '))]") }
        $type = ConvertTo-ParamType $first.type
        if ($first.ContainsKey('values') -and $first.values -and $type -eq '[object]') {
            $d.Add("[ValidateSet($((@($first.values) | ForEach-Object { "'$_'" }) -join ', '))]")
            $type = '[string]'
        }
        $d.Add("$type`$$pname")
        $decls += ($d -join ' ')
    }
    $lines.Add('    ' + ($decls -join ",`n    "))
    $lines.Add(')')
    $lines.Add("process { Invoke-CMDoubleCmdlet -Name '$Name' -Cmdlet `$PSCmdlet -Bound `$PSBoundParameters }")
    return ($lines -join "`n")
}

. (Join-Path $PSScriptRoot 'CmdletBehaviour.ps1')

# The generated definitions are cached per signature table (generating them costs seconds; loading
# the cached file is one parse).
$tableText = [System.IO.File]::ReadAllText((Join-Path $labRoot "signatures/$($script:SignatureFile).json")) + [System.IO.File]::ReadAllText($PSCommandPath)
$sha = [System.Security.Cryptography.SHA256]::Create()
$key = [System.BitConverter]::ToString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($tableText))).Replace('-', '').Substring(0, 16)
$cache = Join-Path ([System.IO.Path]::GetTempPath()) "labdouble-cm-$key.ps1"
if (-not [System.IO.File]::Exists($cache)) {
    $defs = foreach ($name in @($script:Signatures.cmdlets.Keys)) { "function $name {`n$(Get-CmdletSource $name)`n}`n" }
    $tmp = "$cache.$PID.tmp"
    [System.IO.File]::WriteAllText($tmp, ($defs -join "`n"))
    [System.IO.File]::Move($tmp, $cache, $true)
}
. $cache

# --- the CMSite drives ----------------------------------------------------------------------------
# PowerShell scripts cannot register a provider, so a site drive is a FileSystem drive on an empty
# folder, and Get-/New-PSDrive answer for -PSProvider CMSite from the double's list.

$script:CmDrives = @{}
$script:DriveRootBase = Join-Path ([System.IO.Path]::GetTempPath()) ('labdouble-cmsite-' + [System.Diagnostics.Process]::GetCurrentProcess().Id)

function New-CmSiteDrive([string]$Code, [string]$Root) {
    $dir = Join-Path $script:DriveRootBase $Code
    [void][System.IO.Directory]::CreateDirectory($dir)
    $drive = Microsoft.PowerShell.Management\New-PSDrive -Name $Code -PSProvider FileSystem -Root $dir -Scope Global -Description "SCCM Site $Code ($Root)"
    $script:CmDrives[$Code.ToUpperInvariant()] = @{ drive = $drive; root = $Root }
    return $drive
}

function Test-OnCmDrive {
    $loc = Microsoft.PowerShell.Management\Get-Location
    return ($null -ne $loc.Drive -and $script:CmDrives.ContainsKey($loc.Drive.Name.ToUpperInvariant()))
}

function Get-PSDrive {
    [CmdletBinding(DefaultParameterSetName = 'Name')]
    param(
        [Parameter(ParameterSetName = 'Name', Position = 0)][string[]]$Name,
        [Parameter(ParameterSetName = 'LiteralName', Mandatory = $true)][string[]]$LiteralName,
        [string]$Scope, [string[]]$PSProvider
    )
    if ($PSProvider -and @($PSProvider) -contains 'CMSite') {
        foreach ($code in @($script:CmDrives.Keys)) {
            if (-not $Name -or @($Name | Where-Object { $code -like $_ })) { $script:CmDrives[$code].drive }
        }
        if ($Name -and -not @($Name | Where-Object { $script:CmDrives.ContainsKey($_.ToUpperInvariant()) })) {
            Write-LabError $PSCmdlet ([System.Management.Automation.DriveNotFoundException]::new("Cannot find drive. A drive with the name '$Name' does not exist.")) 'GetLocationNoMatchingDrive,Microsoft.PowerShell.Commands.GetPSDriveCommand' ObjectNotFound $Name
        }
        return
    }
    Microsoft.PowerShell.Management\Get-PSDrive @PSBoundParameters
}

function New-PSDrive {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true, Position = 0)][string]$Name,
        [Parameter(Mandatory = $true, Position = 1)][string]$PSProvider,
        [Parameter(Mandatory = $true, Position = 2)][AllowEmptyString()][string]$Root,
        [string]$Description, [string]$Scope, [switch]$Persist, [pscredential]$Credential
    )
    if ($PSProvider -ne 'CMSite') { return (Microsoft.PowerShell.Management\New-PSDrive @PSBoundParameters) }
    $site = Get-LabSite $Name.ToUpperInvariant()
    $provider = if ($site -and $site.ContainsKey('provider') -and $site.provider) { $site.provider } elseif ($site) { $site.server } else { $null }
    if ($null -eq $site -or $site.type -eq 'secondary' -or -not [string]::Equals($provider, $Root, [System.StringComparison]::OrdinalIgnoreCase)) {
        Write-LabError $PSCmdlet ([System.InvalidOperationException]::new("The SMS Provider reported an error connecting to the ConfigMgr site '$Name' on '$Root'.")) 'Drive.NewDrive,Microsoft.PowerShell.Commands.NewPSDriveCommand' InvalidOperation $Name
        return
    }
    return (New-CmSiteDrive $Name.ToUpperInvariant() $Root)
}

# Importing the module connects the drive of each site whose SMS Provider is this computer.
foreach ($site in @($state.sites)) {
    if ($site.type -eq 'secondary') { continue }
    $provider = if ($site.ContainsKey('provider') -and $site.provider) { $site.provider } else { $site.server }
    if ($provider.Split('.')[0].ToUpperInvariant() -eq ([string]$env:COMPUTERNAME).ToUpperInvariant()) { [void](New-CmSiteDrive $site.code $provider) }
}

Export-ModuleMember -Function (@($script:Signatures.cmdlets.Keys) + @('Get-PSDrive', 'New-PSDrive'))
