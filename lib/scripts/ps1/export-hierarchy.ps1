# behaviour-version: 1
# pulumi-configmgr export: reads a running hierarchy through the SMS Provider of one site server
# (WMI, namespace root\SMS\site_<code>) and, for each distribution point, the host's own WMI, and
# prints what it read as CONFIGMGR-EXPORT records. It changes nothing: every call is a Get-WmiObject.
#
# The values come from the $Config block placed before this text:
#   $Config.SiteServer   FQDN of the site server whose SMS Provider is read
#   $Config.SiteCode     its site code ('' = ask root\SMS\SMS_ProviderLocation)
#   $Config.ReadHosts    $true: read OS, edition, cores and memory of each DP host over WMI
#
# Record format, one per line (PowerShell 2.0 has no JSON cmdlets):
#   CONFIGMGR-EXPORT <kind> <name>=<base64 of the UTF-8 value> ...     ('-' stands for $null)
# kinds: provider, row (one WMI instance: class=...), prop / list (an embedded property or
# property list of the row before), note (something that could not be read), end (the count of
# records, so a reader knows the output arrived whole).
# PowerShell 2.0-safe: the site server of a 2012 SP1 site may run Windows Server 2008 R2.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$script:records = 0

function ConvertTo-ExportValue($Value) {
  if ($null -eq $Value) { return '-' }
  if ($Value -is [bool]) { if ($Value) { $Value = 'true' } else { $Value = 'false' } }
  return [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes([string]$Value))
}

function Write-Record([string]$Kind, [object[]]$Fields) {
  # $Fields: name, value, name, value ... (pairs keep the order of the output stable)
  $parts = @('CONFIGMGR-EXPORT', $Kind)
  for ($i = 0; $i -lt $Fields.Count; $i += 2) {
    $value = $Fields[$i + 1]
    if ($value -is [array]) {
      foreach ($item in $value) { $parts += ([string]$Fields[$i] + '=' + (ConvertTo-ExportValue $item)) }
    } else {
      $parts += ([string]$Fields[$i] + '=' + (ConvertTo-ExportValue $value))
    }
  }
  $script:records++
  Write-Output ($parts -join ' ')
}

function Get-OptionalProperty($Object, [string]$Name) {
  if ($null -eq $Object) { return $null }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return $property.Value }
  return $null
}

function Write-Rows([string]$ComputerName, [string]$Namespace, [string]$Class, [string[]]$Properties, [string]$Object) {
  try {
    $rows = @(Get-WmiObject -ComputerName $ComputerName -Namespace $Namespace -Class $Class -ErrorAction Stop)
  } catch {
    Write-Record 'note' @('object', $Object, 'text', ('could not read ' + $Class + ' from ' + $ComputerName + ': ' + $_.Exception.Message))
    return
  }
  foreach ($row in $rows) {
    $fields = @('class', $Class, 'from', $ComputerName)
    foreach ($name in $Properties) { $fields += @($name, (Get-OptionalProperty $row $name)) }
    Write-Record 'row' $fields
    foreach ($prop in @(Get-OptionalProperty $row 'Props')) {
      if ($null -eq $prop) { continue }
      Write-Record 'prop' @('name', $prop.PropertyName, 'value', (Get-OptionalProperty $prop 'Value'), 'value1', (Get-OptionalProperty $prop 'Value1'), 'value2', (Get-OptionalProperty $prop 'Value2'))
    }
    foreach ($list in @(Get-OptionalProperty $row 'PropLists')) {
      if ($null -eq $list) { continue }
      Write-Record 'list' @('name', $list.PropertyListName, 'value', [object[]]@(Get-OptionalProperty $list 'Values'))
    }
  }
}

try {
  $server = $Config.SiteServer
  $siteCode = $Config.SiteCode
  if (-not $siteCode) {
    $location = @(Get-WmiObject -ComputerName $server -Namespace 'root\SMS' -Class 'SMS_ProviderLocation' -ErrorAction Stop | Where-Object { $_.ProviderForLocalSite })
    if ($location.Count -eq 0) { throw ('no SMS Provider for a local site on ' + $server + ' (root\SMS\SMS_ProviderLocation): name the site with --site') }
    $siteCode = $location[0].SiteCode
  }
  $namespace = 'root\SMS\site_' + $siteCode
  Write-Record 'provider' @('server', $server, 'site', $siteCode)

  # Property names as the SMS Provider class reference documents them.
  Write-Rows $server $namespace 'SMS_Site' @('SiteCode', 'SiteName', 'ServerName', 'Type', 'ReportingSiteCode', 'Version', 'BuildNumber') 'hierarchy'
  Write-Rows $server $namespace 'SMS_SCI_SysResUse' @('RoleName', 'SiteCode', 'NetworkOSPath', 'NALPath') 'hierarchy'
  Write-Rows $server $namespace 'SMS_DistributionPointInfo' @('ServerName', 'SiteCode', 'NALPath', 'IsPullDP', 'IsPXE', 'IsActive', 'IsMulticast', 'SccmPxe', 'SupportUnknownMachines', 'ResponseDelay', 'UdaSetting', 'Communication', 'Description') 'hierarchy'
  Write-Rows $server $namespace 'SMS_BoundaryGroup' @('GroupID', 'Name', 'Description', 'DefaultSiteCode') 'hierarchy'
  Write-Rows $server $namespace 'SMS_Boundary' @('BoundaryID', 'BoundaryType', 'Value', 'DisplayName') 'hierarchy'
  Write-Rows $server $namespace 'SMS_BoundaryGroupMembers' @('GroupID', 'BoundaryID') 'hierarchy'
  Write-Rows $server $namespace 'SMS_BoundaryGroupSiteSystems' @('GroupID', 'ServerNALPath', 'SiteCode') 'hierarchy'

  if ($Config.ReadHosts) {
    $hosts = @(Get-WmiObject -ComputerName $server -Namespace $namespace -Class 'SMS_DistributionPointInfo' -ErrorAction Stop | ForEach-Object { $_.ServerName } | Sort-Object -Unique)
    foreach ($dpHost in $hosts) {
      Write-Rows $dpHost 'root\cimv2' 'Win32_OperatingSystem' @('Caption', 'Version', 'ProductType', 'OSArchitecture', 'OperatingSystemSKU') ('dp:' + $dpHost)
      Write-Rows $dpHost 'root\cimv2' 'Win32_ComputerSystem' @('Domain', 'TotalPhysicalMemory') ('dp:' + $dpHost)
      Write-Rows $dpHost 'root\cimv2' 'Win32_Processor' @('NumberOfCores') ('dp:' + $dpHost)
      Write-Rows $dpHost 'root\cimv2' 'Win32_LogicalDisk' @('DeviceID', 'DriveType', 'FreeSpace') ('dp:' + $dpHost)
    }
  }
  Write-Record 'end' @('records', ($script:records + 1))
  exit 0
} catch {
  Write-Output ('CONFIGMGR-RESULT step=export status=failed detail=' + ($_.Exception.Message -replace '[\r\n]+', ' ') + ' (run the export on the site server as a ConfigMgr administrator; smsprov.log on the SMS Provider tells why a query failed)')
  exit 1
}
