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
    # An injected fault (README, "Faults") under the name the script calls.
    $fault = Get-LabFault $MyInvocation.InvocationName
    Add-LabCall 'windows' $MyInvocation.InvocationName $PSBoundParameters $true $null $fault
    $names = @($Name | ForEach-Object { if ($_ -is [string]) { $_ } else { [string]$_.Name } })
    $failed = [pscustomobject]@{ Success = $false; RestartNeeded = 'No'; FeatureResult = @(); ExitCode = 'Failed' }
    if ($fault -and $fault.when -eq 'before') {
        Write-LabError $PSCmdlet (New-ServerManagerFaultException $fault) 'DISMAPI_Error__Failed_To_Enable_Updates,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand' InvalidOperation $names
        return $failed
    }
    # Server Manager installs the parents a role service needs by itself.
    $r = Enable-LabFeatures $names $true $true $false
    if ($fault -and $r.ok) {
        # 'after': the features were enabled, then the request failed.
        Write-LabError $PSCmdlet (New-ServerManagerFaultException $fault) 'DISMAPI_Error__Failed_To_Enable_Updates,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand' InvalidOperation $names
        return $failed
    }
    if (-not $r.ok) {
        Write-LabError $PSCmdlet ([System.ArgumentException]::new("ArgumentNotValid: The role, role service, or feature name is not valid: '$($r.unknown)'. The name was not found.")) 'NameDoesNotExist,Microsoft.Windows.ServerManager.Commands.AddWindowsFeatureCommand' InvalidArgument $names
        return
    }
    [pscustomobject]@{ Success = $true; RestartNeeded = $(if ($r.restart) { 'Yes' } else { 'No' }); FeatureResult = @($r.enabled); ExitCode = $(if ($r.restart) { 'SuccessRestartRequired' } elseif (@($r.enabled).Count -eq 0) { 'NoChangeNeeded' } else { 'Success' }) }
}

<# A Server Manager request that fails (the error text UNCONFIRMED; 0x800706BE: the remote procedure call failed). #>
function New-ServerManagerFaultException($Fault) {
    $text = if ($Fault.ContainsKey('message') -and $Fault.message) { [string]$Fault.message } else { 'The request to add or remove features on the specified server failed. Installation of one or more roles, role services, or features failed. The remote procedure call failed. Error: 0x800706BE' }
    return [System.Runtime.InteropServices.COMException]::new($text, -2147023170)
}
