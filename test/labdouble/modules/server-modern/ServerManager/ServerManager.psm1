# The lab double's ServerManager module of Windows Server 2012 and later: Get-WindowsFeature,
# Install-WindowsFeature and its alias Add-WindowsFeature (remote -ComputerName / -Vhd left out).
# Signatures: WPD ServerManager/Get-WindowsFeature.md, Install-WindowsFeature.md.
Import-Module (Join-Path $PSScriptRoot '../../../LabFeatures.psm1')
Import-Module (Join-Path $PSScriptRoot '../../../LabWindows.psm1')
Import-Module (Join-Path $PSScriptRoot '../../../LabState.psm1')
. (Join-Path $PSScriptRoot '../../ServerFeatures.ps1')
Set-Alias -Name Add-WindowsFeature -Value Install-WindowsFeature
Export-ModuleMember -Function Get-WindowsFeature, Install-WindowsFeature -Alias Add-WindowsFeature
