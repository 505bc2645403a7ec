# Pester tests of the helpers the step scripts share (lib/scripts/ps1/common.ps1 and
# site-server.ps1): the files are loaded as a step loads them, after a $Config block.
BeforeAll {
  $ps1 = Join-Path $PSScriptRoot '../../../lib/scripts/ps1'
  $Config = @{ Step = 'pester'; SiteCode = 'P01'; SiteServer = 'cm01.lab.local'; ProviderSiteCode = 'P01'; CmModule = $true; AdoptOnly = $false }
  . (Join-Path $ps1 'common.ps1')
  . (Join-Path $ps1 'site-server.ps1')
}

Describe 'ConvertTo-WqlString' {
  It 'quotes a value so that a WQL = filter matches it exactly' {
    ConvertTo-WqlString "HQ [1]*" | Should -Be "'HQ [1]*'"
    ConvertTo-WqlString "O'Brien\Lab" | Should -Be "'O\'Brien\\Lab'"
  }
}

Describe 'Get-NalServer' {
  It 'takes the server out of a NAL path and leaves a plain name alone' {
    Get-NalServer '["Display=\\dp01.contoso.com\"]MSWNET:["SMS_SITE=P01"]\\dp01.contoso.com\' | Should -Be 'dp01.contoso.com'
    Get-NalServer 'dp01.contoso.com' | Should -Be 'dp01.contoso.com'
  }
}

Describe 'Get-EmbeddedValue and Get-OptionalProperty' {
  It 'reads an embedded property of a site control item, $null when absent' {
    $item = [pscustomobject]@{ Props = @([pscustomobject]@{ PropertyName = 'MinFreeSpace'; Value = 50; Value1 = ''; Value2 = '' }) }
    Get-EmbeddedValue $item 'MinFreeSpace' 'Value' | Should -Be 50
    Get-EmbeddedValue $item 'UseProxy' 'Value' | Should -BeNullOrEmpty
    Get-OptionalProperty $item 'NoSuchProperty' | Should -BeNullOrEmpty
  }
}

Describe 'Test-Differs' {
  It 'compares in the wanted type and treats an unknown value as different' {
    Test-Differs '1' 1 | Should -BeFalse
    Test-Differs 2 1 | Should -BeTrue
    Test-Differs $null $true | Should -BeTrue
    Test-Differs 'True' $true | Should -BeFalse
  }
}

Describe 'Write-Result in adopt-only mode' {
  It 'prints the one result line as given when nothing was held back' {
    Write-Result 'unchanged' ('a' + [Environment]::NewLine + 'b') | Should -Be 'CONFIGMGR-RESULT step=pester status=unchanged detail=a b'
  }
}
