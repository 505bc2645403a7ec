# Windows features of the lab double: dism.exe, ServerManagerCmd.exe and shutdown.exe (files in
# windows/System32, their invocation answered here through PowerShell's command lookup, so that
# $LASTEXITCODE carries the Windows exit codes 3010 / 0x800f080c that a Linux process status
# cannot), and the helpers behind the feature cmdlets of modules/<os family>/.

Set-StrictMode -Off  # the double reads optional state fields freely; the scripts keep their own strict mode
Import-Module (Join-Path $PSScriptRoot 'LabState.psm1')
Import-Module (Join-Path $PSScriptRoot 'LabWindows.psm1')

# Parents of the optional features (client) and Server Manager features the scripts install.
$script:ClientParents = @{
    'IIS-WebServer' = 'IIS-WebServerRole'; 'IIS-ApplicationDevelopment' = 'IIS-WebServer'; 'IIS-ISAPIExtensions' = 'IIS-ApplicationDevelopment'
    'IIS-Security' = 'IIS-WebServer'; 'IIS-WindowsAuthentication' = 'IIS-Security'; 'IIS-WebServerManagementTools' = 'IIS-WebServerRole'
    'IIS-IIS6ManagementCompatibility' = 'IIS-WebServerManagementTools'; 'IIS-Metabase' = 'IIS-IIS6ManagementCompatibility'; 'IIS-WMICompatibility' = 'IIS-IIS6ManagementCompatibility'
}
$script:ServerParents = @{ 'Web-ISAPI-Ext' = 'Web-Server'; 'Web-Windows-Auth' = 'Web-Server'; 'Web-Mgmt-Compat' = 'Web-Server'; 'Web-Metabase' = 'Web-Mgmt-Compat'; 'Web-WMI' = 'Web-Mgmt-Compat' }

function Get-FeatureParent([string]$Name, [bool]$Server) {
    $t = if ($Server) { $script:ServerParents } else { $script:ClientParents }
    if ($t.ContainsKey($Name)) { return $t[$Name] }
    return $null
}

function Test-FeatureKnown($h, [string]$Name, [bool]$CaseSensitive) {
    foreach ($k in @($h.features.Keys)) {
        if ($CaseSensitive) { if ($k -ceq $Name) { return $k } } elseif ($k -eq $Name) { return $k }
    }
    return $null
}

<#
  Enables features on this host. Returns @{ ok; restart; error; code } — the caller formats it as
  dism.exe, Enable-WindowsOptionalFeature or Install-WindowsFeature would.
#>
function Enable-LabFeatures([string[]]$Names, [bool]$All, [bool]$Server, [bool]$CaseSensitive) {
    $h = Get-LabThisHost
    $resolved = @()
    foreach ($n in $Names) {
        $k = Test-FeatureKnown $h $n $CaseSensitive
        if (-not $k) { return @{ ok = $false; code = -2146498548; error = "Feature name $n is unknown."; unknown = $n } }
        $resolved += $k
    }
    $toEnable = New-Object System.Collections.Generic.List[string]
    foreach ($k in $resolved) {
        $chain = @()
        $p = Get-FeatureParent $k $Server
        while ($p) { $chain = @($p) + $chain; $p = Get-FeatureParent $p $Server }
        foreach ($parent in $chain) {
            $on = ($h.features[$parent] -in 'Enabled', 'EnablePending') -or $toEnable.Contains($parent)
            if (-not $on) {
                if ($All) { $toEnable.Add($parent) }
                else { return @{ ok = $false; code = 50; error = 'One or several parent features are disabled so current feature can not be enabled.' } }
            }
        }
        if (-not $toEnable.Contains($k)) { $toEnable.Add($k) }
    }
    $restart = $false
    $restartList = if ($h.ContainsKey('restartFeatures') -and $h.restartFeatures) { @($h.restartFeatures) } else { @() }
    foreach ($k in $toEnable) {
        if ($h.features[$k] -in 'Enabled', 'EnablePending') { continue }
        if ($restartList -contains $k) { $h.features[$k] = 'EnablePending'; $restart = $true } else { $h.features[$k] = 'Enabled' }
    }
    if ($restart) { $h.pendingReboot = $true }
    Save-LabState
    return @{ ok = $true; restart = $restart; enabled = $toEnable.ToArray(); code = $(if ($restart) { 3010 } else { 0 }) }
}

function Get-DismVersion($h) {
    switch ((Get-OsFacts $h.os).version.Substring(0, 3)) { '6.1' { '6.1.7600.16385' } '6.2' { '6.2.9200.16384' } '6.3' { '6.3.9600.17031' } default { '10.0.19041.844' } }
}

function Invoke-LabDism {
    $argv = @($args | ForEach-Object { $_ }) | ForEach-Object { [string]$_ }
    $h = Get-LabThisHost
    $ver = Get-DismVersion $h
    $changing = @($argv | Where-Object { $_ -match '^/(Enable|Disable)-Feature$' }).Count -gt 0
    $fault = Get-LabFault 'dism.exe'
    Add-LabCall 'windows' 'dism.exe' @{ arguments = @($argv) } $changing $null $fault
    $header = @('', 'Deployment Image Servicing and Management tool', "Version: $ver", '')
    $fail = {
        param($code, $text)
        $header + @("Error: $(if ($code -lt 0) { '0x{0:x8}' -f $code } else { $code })", '', $text, '', 'The DISM log file can be found at C:\Windows\Logs\DISM\dism.log')
        $global:LASTEXITCODE = $code
    }
    if ($h.ContainsKey('elevated') -and $h.elevated -eq $false) { & $fail 740 'Elevated permissions are required to run DISM.'; return }
    # An injected fault (README, "Faults"): default exit 1726, the remote procedure call failed.
    $faultCode = if ($fault -and $fault.ContainsKey('exitCode') -and $null -ne $fault.exitCode) { [int]$fault.exitCode } else { 1726 }
    $faultText = if ($fault -and $fault.ContainsKey('message') -and $fault.message) { [string]$fault.message } else { 'The remote procedure call failed.' }
    if ($fault -and $fault.when -eq 'before') { & $fail $faultCode $faultText; return }
    $online = @($argv | Where-Object { $_ -eq '/Online' }).Count -gt 0
    $op = @($argv | Where-Object { $_ -match '^/(Enable-Feature|Disable-Feature|Get-Features|Get-FeatureInfo)$' })
    $names = @($argv | Where-Object { $_ -match '^/FeatureName:' } | ForEach-Object { $_.Substring(13) })
    $all = @($argv | Where-Object { $_ -eq '/All' }).Count -gt 0
    $known = @('/Online', '/NoRestart', '/All', '/English', '/Quiet', '/Format:Table', '/Format:List', '/LimitAccess') + $op
    $bad = @($argv | Where-Object { $_ -notin $known -and $_ -notmatch '^/FeatureName:' -and $_ -notmatch '^/Source:' -and $_ -notmatch '^/LogPath:' })
    $dism61 = $ver.StartsWith('6.1')
    if ($dism61 -and $all) { & $fail 87 'The all option is not recognized in this context.'; return }
    if ($bad.Count -gt 0 -or $op.Count -ne 1) { & $fail 87 "The $(if ($bad.Count) { $bad[0] } else { 'command' }) option is not recognized in this context."; return }
    if (-not $online) { & $fail 87 'No image was specified: use /Online or /Image.'; return }
    switch ($op[0]) {
        '/Get-Features' {
            $header + @("Image Version: $((Get-OsFacts $h.os).version)", '', 'Features listing for package : Microsoft-Windows-Foundation-Package', '')
            foreach ($k in @($h.features.Keys | Sort-Object)) { "Feature Name : $k"; "State : $(Format-DismState $h.features[$k])"; '' }
            'The operation completed successfully.'
            $global:LASTEXITCODE = 0
        }
        '/Get-FeatureInfo' {
            if ($names.Count -ne 1) { & $fail 87 'The /FeatureName option is missing.'; return }
            $k = Test-FeatureKnown $h $names[0] $dism61
            if (-not $k) { & $fail -2146498548 "Feature name $($names[0]) is unknown."; return }
            $header + @('Feature Information:', '', "Feature Name : $k", "State : $(Format-DismState $h.features[$k])", '', 'The operation completed successfully.')
            $global:LASTEXITCODE = 0
        }
        '/Enable-Feature' {
            if ($names.Count -eq 0) { & $fail 87 'The /FeatureName option is missing.'; return }
            $r = Enable-LabFeatures $names $all $false $dism61
            if (-not $r.ok) { & $fail $r.code $(if ($r.ContainsKey('unknown')) { "Feature name $($r.unknown) is unknown.`nA Windows feature name was not recognized.`nUse the /Get-Features option to find the name of the feature in the image and try the command again." } else { $r.error }); return }
            # 'after': the features were enabled, then DISM failed.
            if ($fault) { & $fail $faultCode $faultText; return }
            $header + @("Image Version: $((Get-OsFacts $h.os).version)", '', 'Enabling feature(s)', '[==========================100.0%==========================]', 'The operation completed successfully.')
            if ($r.restart) { 'Restart Windows to complete this operation.' }
            $global:LASTEXITCODE = $r.code
        }
        default { & $fail 87 "$($op[0]) is not modelled by the lab double." }
    }
}

function Format-DismState([string]$s) { switch ($s) { 'Enabled' { 'Enabled' } 'EnablePending' { 'Enable Pending' } default { 'Disabled' } } }

function Invoke-LabShutdown {
    $argv = @($args | ForEach-Object { $_ }) | ForEach-Object { [string]$_ }
    $h = Get-LabThisHost
    $abort = $argv -contains '/a'
    $restart = $argv -contains '/r'
    Add-LabCall 'windows' 'shutdown.exe' @{ arguments = @($argv) } ($abort -or $restart -or $argv -contains '/s') $null
    if ($abort) {
        if (-not ($h.ContainsKey('shutdownScheduled') -and $h.shutdownScheduled)) { 'Unable to abort the system shutdown because no shutdown was in progress.(1116)'; $global:LASTEXITCODE = 1116; return }
        $h.shutdownScheduled = $null; Save-LabState; $global:LASTEXITCODE = 0; return
    }
    if (-not $restart -and -not ($argv -contains '/s')) { 'The parameter is incorrect.(87)'; $global:LASTEXITCODE = 87; return }
    if ($h.ContainsKey('shutdownScheduled') -and $h.shutdownScheduled) { 'A system shutdown has already been scheduled.(1190)'; $global:LASTEXITCODE = 1190; return }
    $t = 30
    $i = [array]::IndexOf($argv, '/t')
    if ($i -ge 0 -and $i + 1 -lt $argv.Count) { $t = [int]$argv[$i + 1] }
    $c = $null
    $j = [array]::IndexOf($argv, '/c')
    if ($j -ge 0 -and $j + 1 -lt $argv.Count) { $c = $argv[$j + 1] }
    $h.shutdownScheduled = @{ restart = $restart; seconds = $t; comment = $c }
    Save-LabState
    $global:LASTEXITCODE = 0
}

function Invoke-LabServerManagerCmd {
    $argv = @($args | ForEach-Object { $_ }) | ForEach-Object { [string]$_ }
    $h = Get-LabThisHost
    Add-LabCall 'windows' 'ServerManagerCmd.exe' @{ arguments = @($argv) } ($argv -contains '-install' -or $argv -contains '-i') $null
    if ($h.os -ne 'windows-server-2008') {
        # Deprecated in 2008 R2 (it still runs there, with a warning); gone from 2012 on.
        if ((Get-OsFacts $h.os).family -ne 'server-2008r2') { "The term 'ServerManagerCmd.exe' is not recognized"; $global:LASTEXITCODE = 9009; return }
        'Servermanagercmd.exe is deprecated, and is not guaranteed to be supported in future releases of Windows.'
    }
    if ($argv -contains '-query' -or $argv -contains '-q') {
        foreach ($k in @($h.features.Keys | Sort-Object)) { "$(if ($h.features[$k] -eq 'Enabled') { '[X]' } else { '[ ]' }) $k [$k]" }
        $global:LASTEXITCODE = 0; return
    }
    $i = [array]::IndexOf($argv, '-install')
    if ($i -lt 0) { $i = [array]::IndexOf($argv, '-i') }
    if ($i -ge 0 -and $i + 1 -lt $argv.Count) {
        $names = @($argv[($i + 1)..($argv.Count - 1)] | Where-Object { -not $_.StartsWith('-') })
        $r = Enable-LabFeatures $names ($argv -contains '-allSubFeatures') $true $false
        if (-not $r.ok) { "Error: $($r.error)"; $global:LASTEXITCODE = 1003; return }
        'Success: Installation succeeded.'
        # ServerManagerCmd's exit codes (0 success, 3010 restart needed) are UNCONFIRMED.
        $global:LASTEXITCODE = $(if ($r.restart) { 3010 } else { 0 })
        return
    }
    'Usage: ServerManagerCmd.exe -query | -install <name> ...'
    $global:LASTEXITCODE = 87
}

<# The native command lookup hook (Start.ps1): these names / paths run the functions above. #>
function Register-LabNativeCommands {
    $ExecutionContext.InvokeCommand.PreCommandLookupAction = {
        param([string]$name, $e)
        $leaf = ($name -split '[\\/]')[-1]
        $target = switch -regex ($leaf) { '^dism(\.exe)?$' { 'Invoke-LabDism' } '^shutdown(\.exe)?$' { 'Invoke-LabShutdown' } '^servermanagercmd(\.exe)?$' { 'Invoke-LabServerManagerCmd' } default { $null } }
        if ($target) {
            $cmd = Get-Command -Name $target -Module LabFeatures
            $e.CommandScriptBlock = { & $cmd @args }.GetNewClosure()
            $e.StopSearch = $true
        }
    }
}

Export-ModuleMember -Function Enable-LabFeatures, Invoke-LabDism, Invoke-LabShutdown, Invoke-LabServerManagerCmd, Register-LabNativeCommands
