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
function Add-LabCall([string]$Kind, [string]$Command, $Parameters, [bool]$Changing, [string]$ParameterSet) {
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

Export-ModuleMember -Function Get-LabState, Save-LabState, Sync-LabState, Add-LabCall, New-LabId, Get-LabHost, Get-LabThisHost, ConvertTo-LogValue
