# behaviour-version: 2
# pulumi-configmgr common helpers: every step script starts with these (after its $Config block).
# Windows PowerShell 2.0-safe. $Config is the data block the generator places before this text.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

# The one machine-readable result line of a script (key=value: PowerShell 2.0 has no JSON cmdlets).
# In adopt-only mode (site-server.ps1, Enable-AdoptOnly) a step that would have changed something
# fails instead, listing the calls it did not make, whatever it was about to report.
function Write-Result([string]$Status, [string]$Detail) {
  if ((Test-Path -Path 'variable:global:AdoptDifferences') -and $global:AdoptDifferences.Count -gt 0) {
    $calls = @($global:AdoptDifferences) -join '; '
    Write-Output ('CONFIGMGR-RESULT step=' + $Config.Step + ' status=failed detail=adopt only: the estate differs from the document, nothing was changed; pulumi up would call ' + $calls + ' (pulumi-configmgr drift shows the differences: correct the document, or turn adoptOnly off to apply it)')
    exit 1
  }
  Write-Output ('CONFIGMGR-RESULT step=' + $Config.Step + ' status=' + $Status + ' detail=' + ($Detail -replace '[\r\n]+', ' '))
}

# A property that older versions may not have ($null then; StrictMode-safe).
function Get-OptionalProperty($Object, [string]$Name) {
  if ($null -eq $Object) { return $null }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return $property.Value }
  return $null
}

# A failure outside a step's own try/catch still ends with one result line and exit 1.
trap {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}

# Whether a value read back differs from the wanted one ($null = unknown = differs).
function Test-Differs($Current, $Desired) {
  if ($null -eq $Current) { return $true }
  return ($Desired -ne ($Current -as $Desired.GetType()))
}
