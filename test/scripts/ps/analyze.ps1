# Test tool (pwsh 7): reads one JSON request per stdin line, {"id":..,"script":"<base64 UTF-8>",
# "ps2":bool,"shape":bool},
# and writes one JSON line per request: PowerShell's own parse errors, the commands with their own
# parameters, the string constants, the AST node types in order, and the PowerShell 2.0 violations
# (constructs Windows PowerShell 2.0 does not have; pwsh 7's parser accepts them all).
# Only code counts: a forbidden word inside a string literal or a comment is no violation.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
# A compiled predicate: FindAll with a PowerShell script block costs a script invocation per node.
Add-Type -TypeDefinition 'public static class AnalyzeAstAll { public static System.Func<System.Management.Automation.Language.Ast, bool> Any = a => true; }'

$Ps2Commands = @{
  'convertto-json' = 'JSON cmdlets need PowerShell 3.0; print key=value'
  'convertfrom-json' = 'JSON cmdlets need PowerShell 3.0'
  'invoke-webrequest' = 'needs PowerShell 3.0; use System.Net.WebClient'
  'invoke-restmethod' = 'needs PowerShell 3.0; use System.Net.WebClient'
  'iwr' = 'Invoke-WebRequest needs PowerShell 3.0'
  'irm' = 'Invoke-RestMethod needs PowerShell 3.0'
  'install-windowsfeature' = 'needs Windows Server 2012; use Import-Module ServerManager; Add-WindowsFeature'
  'uninstall-windowsfeature' = 'needs Windows Server 2012; use Remove-WindowsFeature'
  'get-windowsoptionalfeature' = 'the DISM module needs Windows 8; use Get-WmiObject Win32_OptionalFeature'
  'enable-windowsoptionalfeature' = 'the DISM module needs Windows 8; use dism.exe /Enable-Feature'
  'disable-windowsoptionalfeature' = 'the DISM module needs Windows 8; use dism.exe /Disable-Feature'
  'unblock-file' = 'needs PowerShell 3.0'
  'get-filehash' = 'needs PowerShell 4.0'
  'new-temporaryfile' = 'needs PowerShell 5.0'
  'expand-archive' = 'needs PowerShell 5.0'
  'compress-archive' = 'needs PowerShell 5.0'
  'gcim' = 'CIM cmdlets need PowerShell 3.0; use Get-WmiObject'
  'scim' = 'CIM cmdlets need PowerShell 3.0; use Set-WmiInstance'
  'ncim' = 'CIM cmdlets need PowerShell 3.0; use Set-WmiInstance'
  'rcim' = 'CIM cmdlets need PowerShell 3.0; use Remove-WmiObject'
  'icim' = 'CIM cmdlets need PowerShell 3.0; use Invoke-WmiMethod'
  'gcls' = 'CIM cmdlets need PowerShell 3.0'
  'gcms' = 'CIM cmdlets need PowerShell 3.0'
  'ncms' = 'CIM cmdlets need PowerShell 3.0'
  'ncso' = 'CIM cmdlets need PowerShell 3.0'
  'rcms' = 'CIM cmdlets need PowerShell 3.0'
  'rcie' = 'CIM cmdlets need PowerShell 3.0'
}
$Ps2ServerManager = @('get-windowsfeature', 'add-windowsfeature', 'remove-windowsfeature')
$Ps2Operators = @('In', 'NotIn', 'Iin', 'Inotin', 'Cin', 'Cnotin', 'Shl', 'Shr')
$Ps2Types = @('ordered', 'pscustomobject')
$Ps2AutoVariables = @('psscriptroot', 'pscommandpath', 'psdefaultparametervalues')
$Ps2Members = @{
  'is64bitprocess' = '.NET 4 API; PowerShell 2.0 runs on CLR 2.0 - use [IntPtr]::Size'
  'is64bitoperatingsystem' = '.NET 4 API; PowerShell 2.0 runs on CLR 2.0'
}
$Ps2CommonParams = @('erroraction', 'ea', 'errorvariable', 'ev', 'outvariable', 'ov', 'outbuffer', 'ob', 'warningaction', 'wa', 'warningvariable', 'wv', 'verbose', 'vb', 'debug', 'db')
$Ps2Params = @{
  'where' = @('filterscript', 'inputobject') + $Ps2CommonParams
  'foreach' = @('process', 'begin', 'end', 'inputobject') + $Ps2CommonParams
}
$Ps2WhereNames = @('where-object', 'where', '?')
$Ps2ForEachNames = @('foreach-object', 'foreach', '%')

function At($Ast) { '' + $Ast.Extent.StartLineNumber + ':' + $Ast.Extent.StartColumnNumber }

function Test-Prefix([string[]]$Allowed, [string]$Name) {
  if (-not $Name) { return $false }
  foreach ($a in $Allowed) { if ($a.StartsWith($Name)) { return $true } }
  return $false
}

function Get-Ps2Violations($All) {
  $problems = [System.Collections.Generic.List[string]]::new()
  $firstImport = [int]::MaxValue
  foreach ($n in $All) {
    if ($n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Import-Module') {
      foreach ($e in $n.CommandElements) {
        if ($e -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $e.Value -eq 'ServerManager' -and $n.Extent.StartOffset -lt $firstImport) { $firstImport = $n.Extent.StartOffset }
      }
    }
  }
  foreach ($node in $All) {
    if ($node -is [System.Management.Automation.Language.CommandAst]) {
      $name = $node.GetCommandName()
      if ($null -eq $name) { continue }
      $lower = $name.ToLowerInvariant()
      $why = $Ps2Commands[$lower]
      if (-not $why -and $lower -match '^[a-z]+-cim[a-z]*$') { $why = 'CIM cmdlets need PowerShell 3.0; use Get-WmiObject' }
      if (-not $why -and $lower -match '^[a-z]+-local(user|group|groupmember)$') { $why = 'the LocalAccounts module needs PowerShell 5.1; use ADSI WinNT://' }
      if ($why) { $problems.Add((At $node) + ' ' + $name + ': ' + $why) }
      if ($Ps2ServerManager -contains $lower -and $node.Extent.StartOffset -lt $firstImport) {
        $problems.Add((At $node) + ' ' + $name + ' without a preceding Import-Module ServerManager: PowerShell 2.0 has no module autoloading')
      }
      $elements = $node.CommandElements
      for ($k = 1; $k -lt $elements.Count; $k++) {
        $el = $elements[$k]
        if ($el -is [System.Management.Automation.Language.CommandParameterAst]) {
          $p = $el.ParameterName.ToLowerInvariant()
          if (@('erroraction', 'ea', 'warningaction', 'wa') -contains $p) {
            $value = $el.Argument
            if ($null -eq $value -and $k + 1 -lt $elements.Count) { $value = $elements[$k + 1] }
            if ($value -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $value.Value -eq 'Ignore') {
              $problems.Add((At $el) + ' -' + $el.ParameterName + ' Ignore: the Ignore action needs PowerShell 3.0; use SilentlyContinue')
            }
          }
        }
      }
      $kind = $null
      if ($Ps2WhereNames -contains $lower) { $kind = 'where' } elseif ($Ps2ForEachNames -contains $lower) { $kind = 'foreach' }
      if ($kind) {
        for ($k = 1; $k -lt $elements.Count; $k++) {
          $el = $elements[$k]
          if ($el -is [System.Management.Automation.Language.CommandParameterAst]) {
            if (-not (Test-Prefix $Ps2Params[$kind] $el.ParameterName.ToLowerInvariant())) {
              $problems.Add((At $el) + ' ' + $name + ' -' + $el.ParameterName + ': simplified ' + $name + ' syntax needs PowerShell 3.0; use a script block')
            }
            if ($null -eq $el.Argument -and @('verbose', 'vb', 'debug', 'db') -notcontains $el.ParameterName.ToLowerInvariant()) { $k++ }
            continue
          }
          if ($el -isnot [System.Management.Automation.Language.ScriptBlockExpressionAst]) {
            $text = $el.Extent.Text
            if ($text.Length -gt 40) { $text = $text.Substring(0, 40) }
            $problems.Add((At $el) + ' ' + $name + ' ' + $text + ': simplified ' + $name + ' syntax needs PowerShell 3.0; use a script block')
          }
        }
      }
    } elseif ($node -is [System.Management.Automation.Language.BinaryExpressionAst]) {
      if ($Ps2Operators -contains [string]$node.Operator) { $problems.Add(('' + $node.ErrorPosition.StartLineNumber + ':' + $node.ErrorPosition.StartColumnNumber) + ' ' + $node.ErrorPosition.Text + ': operator needs PowerShell 3.0; use -contains / -notcontains') }
    } elseif ($node -is [System.Management.Automation.Language.TypeExpressionAst] -or $node -is [System.Management.Automation.Language.TypeConstraintAst]) {
      # [ordered]@{} is a ConvertExpressionAst whose TypeConstraintAst child is visited here.
      $typeName = $node.TypeName.Name
      if ($Ps2Types -contains $typeName.ToLowerInvariant()) { $problems.Add((At $node) + ' [' + $typeName + ']: type accelerator needs PowerShell 3.0') }
    } elseif ($node -is [System.Management.Automation.Language.UsingExpressionAst]) {
      $problems.Add((At $node) + ' ' + $node.Extent.Text + ': the using: scope needs PowerShell 3.0; pass -ArgumentList')
    } elseif ($node -is [System.Management.Automation.Language.VariableExpressionAst]) {
      if ($Ps2AutoVariables -contains $node.VariablePath.UserPath.ToLowerInvariant()) { $problems.Add((At $node) + ' ' + $node.Extent.Text + ': automatic variable needs PowerShell 3.0') }
    } elseif ($node -is [System.Management.Automation.Language.MemberExpressionAst]) {
      $member = $node.Member
      if ($member -isnot [System.Management.Automation.Language.StringConstantExpressionAst]) { continue }
      $memberName = $member.Value.ToLowerInvariant()
      $isCall = $node -is [System.Management.Automation.Language.InvokeMemberExpressionAst]
      if ($node.Static -and $memberName -eq 'new' -and $isCall) { $problems.Add((At $member) + ' ::new(): constructor syntax needs PowerShell 5.0; use New-Object') }
      if ($Ps2Members.ContainsKey($memberName)) { $problems.Add((At $member) + ' ' + $member.Value + ': ' + $Ps2Members[$memberName]) }
      if (-not $node.Static -and $isCall -and @('where', 'foreach') -contains $memberName) {
        $problems.Add((At $member) + ' .' + $member.Value + '(): intrinsic method needs PowerShell 4.0; use the Where-Object / ForEach-Object cmdlet')
      }
    }
  }
  return $problems.ToArray()
}

function Get-Analysis([string]$Script, $Request) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($Script, [ref]$tokens, [ref]$errors)
  $all = $ast.FindAll([AnalyzeAstAll]::Any, $true)
  $commands = [System.Collections.Generic.List[object]]::new()
  $strings = [System.Collections.Generic.List[string]]::new()
  $types = [System.Collections.Generic.List[string]]::new()
  foreach ($n in $all) {
    if ($n -is [System.Management.Automation.Language.CommandAst]) {
      $params = [System.Collections.Generic.List[string]]::new()
      foreach ($e in $n.CommandElements) { if ($e -is [System.Management.Automation.Language.CommandParameterAst]) { $params.Add($e.ParameterName) } }
      $name = $n.GetCommandName()
      if ($null -eq $name) { $name = '' }
      $commands.Add([ordered]@{ name = $name; parameters = $params.ToArray(); text = $n.Extent.Text; offset = $n.Extent.StartOffset })
    } elseif ($n -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $n.StringConstantType -eq 'SingleQuoted') {
      $strings.Add($n.Value)
    }
    if ($Request.shape) { $types.Add($n.GetType().Name) }
  }
  $errorList = [System.Collections.Generic.List[string]]::new()
  foreach ($e in $errors) { $errorList.Add('' + $e.Extent.StartLineNumber + ':' + $e.Extent.StartColumnNumber + ' ' + $e.ErrorId + ' ' + $e.Message) }
  $ps2 = @()
  if ($Request.ps2) { $ps2 = Get-Ps2Violations $all }
  return [ordered]@{
    errors = $errorList.ToArray()
    commands = $commands.ToArray()
    strings = $strings.ToArray()
    types = ($types -join ' ')
    ps2 = @($ps2)
  }
}

while ($null -ne ($line = [Console]::In.ReadLine())) {
  if ($line.Trim() -eq '') { continue }
  $request = $line | ConvertFrom-Json
  try {
    $script = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($request.script))
    $result = Get-Analysis $script $request
    $result['id'] = $request.id
  } catch {
    $result = [ordered]@{ id = $request.id; failure = $_.Exception.Message }
  }
  [Console]::Out.WriteLine((ConvertTo-Json -InputObject $result -Depth 6 -Compress))
  [Console]::Out.Flush()
}
