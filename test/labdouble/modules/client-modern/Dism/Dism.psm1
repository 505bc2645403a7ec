# The lab double's Dism module (Windows 8+ / 10 / 11): Get- and Enable-WindowsOptionalFeature,
# online image only (the -Path / offline image sets are left out).
# Signatures: WPD DISM/Get-WindowsOptionalFeature.md, DISM/Enable-WindowsOptionalFeature.md.
Import-Module (Join-Path $PSScriptRoot '../../../LabFeatures.psm1')
Import-Module (Join-Path $PSScriptRoot '../../../LabWindows.psm1')
Import-Module (Join-Path $PSScriptRoot '../../../LabState.psm1')

function New-FeatureObject($h, [string]$k) {
    $state = switch ($h.features[$k]) { 'Enabled' { 'Enabled' } 'EnablePending' { 'EnablePending' } default { 'Disabled' } }
    [pscustomobject]@{ FeatureName = $k; DisplayName = $k; State = $state; RestartRequired = 'Possible'; Online = $true }
}

function Get-WindowsOptionalFeature {
    [CmdletBinding(DefaultParameterSetName = 'Online')]
    param(
        [Parameter(ParameterSetName = 'Online', Mandatory = $true)][switch]$Online,
        [Parameter(ParameterSetName = 'Offline', Mandatory = $true)][string]$Path,
        [Parameter(ValueFromPipelineByPropertyName = $true)][string]$FeatureName,
        [string]$PackageName, [string]$PackagePath, [string]$WindowsDirectory, [string]$SystemDrive, [string]$LogPath, [string]$ScratchDirectory, [string]$LogLevel
    )
    $h = Get-LabThisHost
    Add-LabCall 'wmi' 'Get-WindowsOptionalFeature' $PSBoundParameters $false $PSCmdlet.ParameterSetName
    if ($PSCmdlet.ParameterSetName -ne 'Online') { Write-LabError $PSCmdlet ([System.NotSupportedException]::new('lab double: offline images are not modelled')) 'Microsoft.Dism.Commands.GetWindowsOptionalFeatureCommand' NotImplemented $Path; return }
    if (-not $FeatureName) { foreach ($k in @($h.features.Keys | Sort-Object)) { New-FeatureObject $h $k }; return }
    foreach ($k in @($h.features.Keys)) { if ($k -eq $FeatureName) { return (New-FeatureObject $h $k) } }
    Write-LabError $PSCmdlet ([System.Runtime.InteropServices.COMException]::new("Feature name $FeatureName is unknown.", -2146498548)) 'Microsoft.Dism.Commands.GetWindowsOptionalFeatureCommand' NotSpecified $FeatureName
}

function Enable-WindowsOptionalFeature {
    [CmdletBinding(DefaultParameterSetName = 'Online', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'Online', Mandatory = $true)][switch]$Online,
        [Parameter(ParameterSetName = 'Offline', Mandatory = $true)][string]$Path,
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)][string[]]$FeatureName,
        [string]$PackageName, [switch]$All, [switch]$LimitAccess, [string[]]$Source, [switch]$NoRestart,
        [string]$WindowsDirectory, [string]$SystemDrive, [string]$LogPath, [string]$ScratchDirectory, [string]$LogLevel
    )
    $fault = Get-LabFault 'Enable-WindowsOptionalFeature'
    Add-LabCall 'windows' 'Enable-WindowsOptionalFeature' $PSBoundParameters $true $PSCmdlet.ParameterSetName $fault
    if ($PSCmdlet.ParameterSetName -ne 'Online') { Write-LabError $PSCmdlet ([System.NotSupportedException]::new('lab double: offline images are not modelled')) 'Microsoft.Dism.Commands.EnableWindowsOptionalFeatureCommand' NotImplemented $Path; return }
    # An injected fault (README, "Faults"): DISM's API fails (default 0x800706BE, the remote procedure call failed).
    $faultError = if ($fault) { [System.Runtime.InteropServices.COMException]::new($(if ($fault.ContainsKey('message') -and $fault.message) { [string]$fault.message } else { 'The remote procedure call failed.' }), -2147023170) } else { $null }
    if ($fault -and $fault.when -eq 'before') { Write-LabError $PSCmdlet $faultError 'Microsoft.Dism.Commands.EnableWindowsOptionalFeatureCommand' NotSpecified $FeatureName; return }
    $r = Enable-LabFeatures $FeatureName ([bool]$All) $false $false
    if ($fault -and $r.ok) { Write-LabError $PSCmdlet $faultError 'Microsoft.Dism.Commands.EnableWindowsOptionalFeatureCommand' NotSpecified $FeatureName; return }
    if (-not $r.ok) { Write-LabError $PSCmdlet ([System.Runtime.InteropServices.COMException]::new($r.error, [int]$r.code)) 'Microsoft.Dism.Commands.EnableWindowsOptionalFeatureCommand' NotSpecified $FeatureName; return }
    [pscustomobject]@{ Path = ''; Online = $true; RestartNeeded = [bool]$r.restart }
}

Export-ModuleMember -Function Get-WindowsOptionalFeature, Enable-WindowsOptionalFeature
