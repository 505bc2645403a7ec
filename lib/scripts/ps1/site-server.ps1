# behaviour-version: 2
# Site-server helpers (Windows PowerShell 5.1 with the ConfigMgr console; the 2012 SP1 console's
# module also runs on 2.0/3.0): load the ConfigurationManager module without prompts, connect the
# CMSite drive, and read the SMS Provider's WMI classes. Reads that must be exact (names with
# wildcard characters, objects of every version) go to WMI with WQL '=' filters; every change goes
# through a ConfigMgr cmdlet with -ErrorAction Stop.
# Data: $Config.SiteCode, .SiteServer, .ProviderSiteCode (the SMS Provider's site: a secondary
# site has none, its objects are managed through its parent primary's), .CmModule ($false for
# ConfigMgr 2012 RTM, whose cmdlet library does not exist: the reference starts at 2012 SP1),
# .AdoptOnly (record changing cmdlets instead of running them: Enable-AdoptOnly).

$siteCode = $Config.SiteCode
$siteServer = $Config.SiteServer
$providerSiteCode = $Config.ProviderSiteCode

function Connect-SmsProvider {
  if (-not $Config.CmModule) {
    throw ('ConfigMgr ' + $Config.Version + ' has no ConfigurationManager PowerShell module (the cmdlet library starts with System Center 2012 Configuration Manager SP1): update site ' + $providerSiteCode + ' to SP1 or later, or provision this object by hand and set provision: false')
  }
  $global:ProgressPreference = 'SilentlyContinue'
  # 1610+ Get-CM* cmdlets warn when -Fast is not used; the warning would land in stdout.
  $global:CMPSSuppressFastNotUsedCheck = $true
  if (-not (Get-Module -Name ConfigurationManager)) {
    $cmModule = $null
    if ($env:SMS_ADMIN_UI_PATH) {
      # SMS_ADMIN_UI_PATH is ...\AdminConsole\bin\i386; the module sits in its parent.
      $candidate = Join-Path -Path (Split-Path -Path $env:SMS_ADMIN_UI_PATH -Parent) -ChildPath 'ConfigurationManager.psd1'
      if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }
    }
    if (-not $cmModule -and (Test-Path -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE')) {
      # The console records its folder in the 32-bit registry view.
      $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry32)
      $setupKey = $hklm.OpenSubKey('SOFTWARE\Microsoft\ConfigMgr10\Setup')
      if ($setupKey) {
        $uiDir = $setupKey.GetValue('UI Installation Directory')
        $setupKey.Close()
        if ($uiDir) {
          $candidate = Join-Path -Path ([string]$uiDir) -ChildPath 'bin\ConfigurationManager.psd1'
          if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }
        }
      }
      $hklm.Close()
    }
    if ($cmModule) {
      Import-Module -Name $cmModule -Global -ErrorAction Stop
    } else {
      # From 2111 the console puts its folder on PSModulePath.
      Import-Module -Name ConfigurationManager -Global -ErrorAction Stop
    }
  }
  $siteDrive = Get-PSDrive -Name $providerSiteCode -PSProvider CMSite -ErrorAction SilentlyContinue
  $attempt = 0
  while (-not $siteDrive) {
    $attempt++
    try {
      $siteDrive = New-PSDrive -Name $providerSiteCode -PSProvider CMSite -Root $siteServer -Scope Global -ErrorAction Stop
    } catch {
      if ($attempt -ge $Config.DriveAttempts) { throw ('cannot connect to the SMS Provider on ' + $siteServer + ' for site ' + $providerSiteCode + ': ' + $_.Exception.Message) }
      Start-Sleep -Seconds $Config.DriveRetrySeconds
    }
  }
  Set-Location -Path ($providerSiteCode + ':')
  if ($Config.AdoptOnly) { Enable-AdoptOnly }
}

# Adopt only: the estate is taken as it is. Every changing cmdlet of the ConfigurationManager
# module (a global function takes precedence over a cmdlet of the same name) is replaced by one
# that records the call instead of making it; Write-Result (common.ps1) then fails the step with
# the list. Set-/Remove- calls are collected to the end, so the list is whole; a New-/Add- call
# stops the step at once, because what follows would read an object that was not made.
function Enable-AdoptOnly {
  $global:AdoptDifferences = New-Object System.Collections.ArrayList
  $builders = @('New-CMSchedule', 'New-CMInstallationSourceFile', 'New-CMSqlServerSetting')
  $changing = @('New', 'Set', 'Add', 'Remove', 'Install', 'Uninstall', 'Start', 'Stop', 'Import', 'Move', 'Update', 'Enable', 'Disable')
  foreach ($command in @(Get-Command -Module ConfigurationManager -ErrorAction SilentlyContinue)) {
    if ($changing -notcontains $command.Verb -or $builders -contains $command.Name) { continue }
    Set-Item -Path ('function:global:' + $command.Name) -Value {
      # Parameter names only: a value may be a secret (a PXE password).
      $names = @($args | Where-Object { $_ -is [string] -and $_ -match '^-[A-Za-z]' } | ForEach-Object { $_.TrimEnd(':') })
      $call = ($MyInvocation.MyCommand.Name + ' ' + ($names -join ' ')).Trim()
      [void]$global:AdoptDifferences.Add($call)
      if ($MyInvocation.MyCommand.Name -match '^(New|Add)-') { throw ('adopt only: ' + $call + ' would be needed') }
    }
  }
}

# Instances of an SMS Provider class (WMI), with an optional WQL filter.
function Get-SmsObject([string]$Class, [string]$Filter) {
  $query = @{ ComputerName = $siteServer; Namespace = ('root\SMS\site_' + $providerSiteCode); Class = $Class; ErrorAction = 'Stop' }
  if ($Filter) { $query['Filter'] = $Filter }
  Get-WmiObject @query
}

# A quoted WQL literal (backslash and quote escaped) for a runtime value; '=' compares exactly.
function ConvertTo-WqlString([string]$Value) {
  "'" + ($Value -replace '\\', '\\' -replace "'", "\'") + "'"
}

# Value/Value1/Value2 of a site control item's embedded property (.Props).
function Get-EmbeddedValue($Object, [string]$Name, [string]$Field) {
  foreach ($prop in @(Get-OptionalProperty $Object 'Props')) {
    if ($null -ne $prop -and $prop.PropertyName -eq $Name) { return (Get-OptionalProperty $prop $Field) }
  }
  return $null
}

# The server name inside a NAL path (["Display=\\dp\"]MSWNET:[...]\\dp\).
function Get-NalServer([string]$NalPath) {
  if ($NalPath -match '\\\\([^\\]+)\\') { return $matches[1] }
  return $NalPath
}

# The roles of a server in SMS_SystemResourceList, except the two every site system has.
function Get-OtherSiteRoles([string]$Server, [string]$RoleSiteCode, [string[]]$Except) {
  $skip = @('SMS Site System', 'SMS Component Server') + @($Except)
  @(Get-SmsObject 'SMS_SystemResourceList' ('ServerName = ' + (ConvertTo-WqlString $Server) + ' AND SiteCode = ' + (ConvertTo-WqlString $RoleSiteCode)) |
    Where-Object { $skip -notcontains [string]$_.RoleName } | ForEach-Object { [string]$_.RoleName })
}
