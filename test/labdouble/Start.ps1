# The lab double's prologue: what the harness's powershell.exe runs before the library's bootstrap.
# It makes this process look like the Windows machine $env:COMPUTERNAME of the state file
# $env:LABDOUBLE_STATE: the console's SMS_ADMIN_UI_PATH (site servers), %windir% with dism.exe,
# shutdown.exe and ServerManagerCmd.exe, the feature modules of its OS, and the module that fakes
# WMI, ADSI, UNC shares and the clock. The scripts themselves are run unchanged.
$labDoubleRoot = $PSScriptRoot
Import-Module (Join-Path $labDoubleRoot 'LabWindows.psm1') -Global
Import-Module (Join-Path $labDoubleRoot 'LabFeatures.psm1')
Register-LabNativeCommands
# The state is written once, at exit (also through `exit N` inside the script).
$null = Register-EngineEvent -SourceIdentifier PowerShell.Exiting -Action { Sync-LabDoubleState }
$labDoubleHost = & (Import-Module (Join-Path $labDoubleRoot 'LabState.psm1') -PassThru) { Get-LabThisHost }
$labDoubleOs = Get-OsFacts $labDoubleHost.os
$env:windir = Join-Path $labDoubleRoot 'windows'
$env:SystemRoot = $env:windir
# The host's own files (%ProgramData%, %TEMP%) live next to the state file, one folder per host,
# so a marker written by one run is there for the next.
$labDoubleFiles = Join-Path (Join-Path (Split-Path -Parent $env:LABDOUBLE_STATE) 'files') $labDoubleHost.name
foreach ($labDoubleVar in @(@('ProgramData', 'ProgramData'), @('ALLUSERSPROFILE', 'ProgramData'), @('TEMP', 'Temp'), @('TMP', 'Temp'))) {
    $labDoubleDir = Join-Path $labDoubleFiles $labDoubleVar[1]
    [void][System.IO.Directory]::CreateDirectory($labDoubleDir)
    Set-Item -Path ('Env:' + $labDoubleVar[0]) -Value $labDoubleDir
}
$env:PATH = (Join-Path $labDoubleRoot 'windows/System32') + [System.IO.Path]::PathSeparator + $env:PATH
if ($labDoubleHost.ContainsKey('console') -and $labDoubleHost.console) {
    $env:SMS_ADMIN_UI_PATH = Join-Path $labDoubleRoot 'console/bin/i386'
} else {
    Remove-Item Env:SMS_ADMIN_UI_PATH -ErrorAction SilentlyContinue
}
$labDoubleModules = Join-Path $labDoubleRoot ('modules/' + $labDoubleOs.modules)
$env:PSModulePath = $labDoubleModules + [System.IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
if ($labDoubleOs.ps2) {
    # PowerShell 2.0 has no module autoloading: ServerManager exists only after Import-Module.
    foreach ($m in 'Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Security') { Import-Module $m }
    $global:PSModuleAutoLoadingPreference = 'None'
}
Remove-Variable labDoubleRoot, labDoubleHost, labDoubleOs, labDoubleModules, labDoubleFiles, labDoubleVar, labDoubleDir
