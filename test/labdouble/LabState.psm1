# The lab double's state: one JSON file named by $env:LABDOUBLE_STATE, read at import and written
# after every call, so a second script run sees what the first did. The file also holds the call
# log: every ConfigMgr cmdlet call and every Windows-changing call, with its bound parameters.
# Format: test/labdouble/README.md, "State".

Set-StrictMode -Off  # the double reads optional state fields freely; the scripts keep their own strict mode

$script:StatePath = $env:LABDOUBLE_STATE
$script:State = $null

function Get-LabState {
    if ($null -eq $script:State) {
        if (-not $script:StatePath) { throw 'lab double: LABDOUBLE_STATE is not set (the harness names the state file)' }
        if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath $script:StatePath)) {
            throw "lab double: state file $script:StatePath does not exist (seed it with test/labdouble/seed.ts)"
        }
        $text = [System.IO.File]::ReadAllText($script:StatePath, [System.Text.Encoding]::UTF8)
        $script:State = ConvertFrom-Json -InputObject $text -AsHashtable -Depth 100
        foreach ($key in 'calls', 'statusMessages', 'sites', 'siteSystems', 'distributionPoints', 'boundaries', 'boundaryGroups') {
            if (-not $script:State.ContainsKey($key) -or $null -eq $script:State[$key]) { $script:State[$key] = @() }
        }
        if (-not $script:State.ContainsKey('hosts') -or $null -eq $script:State['hosts']) { $script:State['hosts'] = @{} }
        if (-not $script:State.ContainsKey('clock')) { $script:State['clock'] = 0 }
        if (-not $script:State.ContainsKey('nextId')) { $script:State['nextId'] = 16777217 }
        if (-not $script:State.ContainsKey('nextRecordId')) { $script:State['nextRecordId'] = 1000 }
    }
    return $script:State
}

<#
  Marks the state changed. It is written once, when PowerShell exits (also through `exit N` inside
  the script), and by Sync-LabState; writing it on every call would make a long poll loop
  quadratic in the size of the call log.
#>
function Save-LabState { $script:Dirty = $true }

function Sync-LabState {
    if (-not $script:Dirty -or $null -eq $script:State) { return }
    $json = ConvertTo-Json -InputObject $script:State -Depth 100
    [System.IO.File]::WriteAllText($script:StatePath, $json, (New-Object System.Text.UTF8Encoding($false)))
    $script:Dirty = $false
}

$script:Dirty = $false
# Start.ps1 registers the PowerShell.Exiting action that calls Sync-LabState (an action registered
# from inside a module does not run at exit).

function ConvertTo-LogValue($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Security.SecureString]) {
        # The value itself is kept (secrets tracing tests need to see where it went), marked as secure.
        $plain = [System.Net.NetworkCredential]::new('', $Value).Password
        return @{ secureString = $plain }
    }
    if ($Value -is [switch]) { return [bool]$Value }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [int] -or $Value -is [long] -or $Value -is [double]) { return $Value }
    if ($Value -is [System.Collections.IDictionary]) {
        $h = [ordered]@{}
        foreach ($k in $Value.Keys) { $h[[string]$k] = ConvertTo-LogValue $Value[$k] }
        return $h
    }
    if ($Value -is [System.Collections.IEnumerable]) { return @(foreach ($v in $Value) { ConvertTo-LogValue $v }) }
    if ($Value -is [psobject] -and $Value.PSObject.Properties['LabDoubleRef']) { return @{ object = $Value.LabDoubleRef } }
    if ($Value.GetType().IsEnum) { return [string]$Value }
    return [string]$Value
}

<#
  Appends one entry to the call log. Kind: 'configmgr' (a cmdlet of the ConfigurationManager module),
  'windows' (a Windows-changing call: feature install, group Add/Remove, shutdown.exe, dism.exe
  /Enable-Feature), 'wmi' (a read). Changing = whether the call changes state if it succeeds.
#>
function Add-LabCall([string]$Kind, [string]$Command, $Parameters, [bool]$Changing, [string]$ParameterSet, $Fault) {
    $state = Get-LabState
    $params = [ordered]@{}
    if ($null -ne $Parameters) { foreach ($k in $Parameters.Keys) { $params[[string]$k] = ConvertTo-LogValue $Parameters[$k] } }
    $entry = [ordered]@{
        seq        = @($state.calls).Count + 1
        kind       = $Kind
        host       = [string]$env:COMPUTERNAME
        command    = $Command
        parameters = $params
        changing   = $Changing
        clock      = $state.clock
    }
    if ($ParameterSet) { $entry['parameterSet'] = $ParameterSet }
    # A call that an injected fault failed (README, "Faults"): 'before' changed nothing, 'after' did.
    if ($Fault) { $entry['fault'] = [string]$Fault.when }
    $state.calls = @($state.calls) + @($entry)
    Save-LabState
}

function New-LabId {
    $state = Get-LabState
    $id = [long]$state.nextId
    $state.nextId = $id + 1
    return $id
}

function Get-LabHost([string]$Name) {
    $state = Get-LabState
    $key = ([string]$Name).Split('.')[0].ToUpperInvariant()
    if ($state.hosts.ContainsKey($key)) { return $state.hosts[$key] }
    return $null
}

function Get-LabThisHost {
    $h = Get-LabHost $env:COMPUTERNAME
    if ($null -eq $h) { throw "lab double: the state has no host $env:COMPUTERNAME (COMPUTERNAME is the machine the script runs on)" }
    return $h
}

# --- injected faults (README, "Faults") -----------------------------------------------------------

<#
  The fault armed for this call of a command, or $null. state.faults lists entries
  @{ command; call (only the Nth matching call since the entry was added; default every one);
  when ('before': the call fails and changes nothing, the default; 'after': the change is made,
  then the call fails, as when the provider commits and its reply is lost); host (only calls made
  on that computer); error / message / exitCode (how it fails: each command's own default) }.
  Every matching call counts in every matching entry ('seen'); the first entry that applies fails
  it ('fired').
#>
function Get-LabFault([string]$Command) {
    $state = Get-LabState
    if (-not $state.ContainsKey('faults') -or $null -eq $state.faults) { return $null }
    $armed = $null
    foreach ($f in @($state.faults)) {
        if ($f -isnot [System.Collections.IDictionary] -or -not $f.ContainsKey('command')) { continue }
        if (-not [string]::Equals([string]$f.command, $Command, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
        if ($f.ContainsKey('host') -and $f.host -and -not [string]::Equals(([string]$f.host).Split('.')[0], [string]$env:COMPUTERNAME, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
        $f.seen = [int]$f.seen + 1
        Save-LabState
        if ($null -ne $armed) { continue }
        if ($f.ContainsKey('call') -and $null -ne $f.call -and [int]$f.call -ne [int]$f.seen) { continue }
        if (-not $f.ContainsKey('when') -or -not $f.when) { $f.when = 'before' }
        if ($f.when -notin 'before', 'after') { throw "lab double: fault of $Command has when = '$($f.when)' (before or after)" }
        $f.fired = [int]$f.fired + 1
        $armed = $f
    }
    return $armed
}

<#
  Whether a background component is stalled for a target: a state.faults entry
  @{ component = 'DistMgr' | 'SecondarySetup'; target (a DP's FQDN / a secondary's site code;
  default every one) } holds it while the entry is in the state (a slow WAN copy, a busy DP
  Manager thread): polls see no progress and a readiness wait times out.
#>
function Test-LabStalled([string]$Component, [string]$Target) {
    $state = Get-LabState
    if (-not $state.ContainsKey('faults') -or $null -eq $state.faults) { return $false }
    foreach ($f in @($state.faults)) {
        if ($f -isnot [System.Collections.IDictionary] -or -not $f.ContainsKey('component')) { continue }
        if ($f.component -notin 'DistMgr', 'SecondarySetup') { throw "lab double: unknown fault component '$($f.component)' (DistMgr or SecondarySetup)" }
        if (-not [string]::Equals([string]$f.component, $Component, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
        if ($f.ContainsKey('target') -and $f.target -and -not [string]::Equals([string]$f.target, $Target, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
        return $true
    }
    return $false
}

Export-ModuleMember -Function Get-LabState, Save-LabState, Sync-LabState, Add-LabCall, New-LabId, Get-LabHost, Get-LabThisHost, ConvertTo-LogValue, Get-LabFault, Test-LabStalled
