# behaviour-version: 1
# Primary sites are adopted, not installed: run on the primary's own site server, verify that the
# SMS Provider knows the site code, that it is a primary on the declared server, and that its build
# is the declared configMgrVersion's. Fails with what was found otherwise.
# Data ($Config): Declared (version label), ExpectedBuild, KnownBuilds (build -> label).

function Invoke-Verify {
  $sites = @(Get-CMSite -SiteCode $siteCode -ErrorAction Stop)
  if ($sites.Count -eq 0) { throw ('site ' + $siteCode + ' is not known to the SMS Provider on ' + $siteServer + '; primary sites are adopted, not installed: install it first or correct siteCode/server') }
  $site = $sites[0]
  if ([int]$site.Type -ne 2) { throw ('site ' + $siteCode + ' is not a primary site (SMS_Site type ' + $site.Type + ': 1 secondary, 4 central administration site)') }
  # SMS_Site.ServerName may be the NetBIOS name on some versions (UNCONFIRMED): both forms are accepted.
  $server = [string]$site.ServerName
  if ($server -ne $siteServer -and $server -ne $siteServer.Split('.')[0]) { throw ('site ' + $siteCode + ' runs on ' + $server + ', not on ' + $siteServer) }
  $build = [int](Get-OptionalProperty $site 'BuildNumber')
  if ($build -le 0) { $build = [int](([string]$site.Version).Split('.')[2]) }
  if ($build -ne $Config.ExpectedBuild) {
    $actual = 'an unknown release'
    if ($Config.KnownBuilds.ContainsKey('B' + $build)) { $actual = $Config.KnownBuilds['B' + $build] }
    throw ('site ' + $siteCode + ' runs build ' + $build + ' (' + $actual + ', version ' + $site.Version + ') but configMgrVersion declares ' + $Config.Declared + ' (build ' + $Config.ExpectedBuild + '); correct configMgrVersion or update the site')
  }
  Write-Result 'unchanged' ($siteCode + ' on ' + $siteServer + ': primary site, ' + $Config.Declared + ' (version ' + $site.Version + ', status ' + $site.Status + ')')
}

try {
  Connect-SmsProvider
  Invoke-Verify
  exit 0
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
