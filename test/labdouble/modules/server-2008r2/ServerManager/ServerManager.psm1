# The lab double's ServerManager module of Windows Server 2008 R2 (PowerShell 2.0: loaded only by
# Import-Module ServerManager): Get-WindowsFeature and Add-WindowsFeature; no Install-WindowsFeature.
Import-Module (Join-Path $PSScriptRoot '../../../LabFeatures.psm1')
Import-Module (Join-Path $PSScriptRoot '../../../LabWindows.psm1')
Import-Module (Join-Path $PSScriptRoot '../../../LabState.psm1')
. (Join-Path $PSScriptRoot '../../ServerFeatures.ps1')
Set-Item -Path function:script:Add-WindowsFeature -Value ${function:Install-WindowsFeature}
Export-ModuleMember -Function Get-WindowsFeature, Add-WindowsFeature
