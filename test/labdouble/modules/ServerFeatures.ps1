# Get-WindowsFeature / Install-WindowsFeature behaviour shared by the two ServerManager modules.
function Get-WindowsFeature {
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline = $true)][string[]]$Name, [string]$LogPath, [string]$ComputerName, [pscredential]$Credential)
    $h = Get-LabThisHost
    Add-LabCall 'wmi' 'Get-WindowsFeature' $PSBoundParameters $false $null
    foreach ($k in @($h.features.Keys | Sort-Object)) {
        if ($Name -and -not @($Name | Where-Object { $k -like $_ })) { continue }
        # An unknown name gives no object and no error.
        [pscustomobject]@{ Name = $k; DisplayName = $k; Installed = ($h.features[$k] -in 'Enabled', 'EnablePending'); InstallState = $(if ($h.features[$k] -eq 'Enabled') { 'Installed' } elseif ($h.features[$k] -eq 'EnablePending') { 'InstallPending' } else { 'Available' }) }
    }
}

function Install-WindowsFeature {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)][object[]]$Name, [switch]$IncludeAllSubFeature, [switch]$IncludeManagementTools, [switch]$Restart, [string[]]$Source, [string]$LogPath, [string]$ComputerName, [pscredential]$Credential, [switch]$Concurrent)
    Add-LabCall 'windows' $MyInvocation.InvocationName $PSBoundParameters $true $null
    $names = @($Name | ForEach-Object { if ($_ -is [string]) { $_ } else { [string]$_.Name } })
    # Server Manager installs the parents a role service needs by itself.
    $r = Enable-LabFeatures $names $true $true $false
    if (-not $r.ok) {
        Write-LabError $PSCmdlet ([System.ArgumentException]::new("ArgumentNotValid: The role, role service, or feature name is not valid: '$($r.unknown)'. The name was not found.")) 'NameDoesNotExist,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand' InvalidArgument $names
        return
    }
    [pscustomobject]@{ Success = $true; RestartNeeded = $(if ($r.restart) { 'Yes' } else { 'No' }); FeatureResult = @($r.enabled); ExitCode = $(if ($r.restart) { 'SuccessRestartRequired' } elseif (@($r.enabled).Count -eq 0) { 'NoChangeNeeded' } else { 'Success' }) }
}
