import { describe, expect, it } from "vitest";
import { dpOf, probe, stateFor } from "./double-support";

/**
 * The double's cmdlets bind exactly as the documented parameter sets of each version: a documented
 * call binds, a parameter the version lacks, a misspelt one or an impossible combination fails in
 * PowerShell's own binder. -WhatIf keeps the bound calls from changing anything.
 */

const notFound = (param: string) => `binding: A parameter cannot be found that matches parameter name '${param}'.`;

function run(version: string, body: string) {
  const dp = dpOf(version);
  return probe(stateFor(version), "CM01", `$dp = '${dp}'\n${body}`).results;
}

describe("the double's ConfigMgr cmdlets bind per version", () => {
  it("2012 SP1: 2012-era names, no site-system parameters on boundary groups, mandatory free space", () => {
    const r = run(
      "2012 SP1",
      [
        "Probe 'sbg-add-name' { Set-CMBoundaryGroup -Name 'Lab HQ' -AddSiteSystemServerName $dp -WhatIf }",
        "Probe 'sbg-remove-name' { Set-CMBoundaryGroup -Name 'Lab HQ' -RemoveSiteSystemServerName $dp -WhatIf }",
        "Probe 'sbg-documented' { Set-CMBoundaryGroup -Name 'Lab HQ' -Description 'x' -DefaultSiteCode 'P01' -NewName 'y' -WhatIf }",
        "Probe 'set-pxe-legacy' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -EnablePxeSupport $true -WhatIf }",
        "Probe 'set-pxe-prefix' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -EnablePxe $true -WhatIf }",
        "Probe 'set-validation-current' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -EnableContentValidation $true -WhatIf }",
        "Probe 'set-pxe-password-current' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -PxePassword (New-Object System.Security.SecureString) -WhatIf }",
        "Probe 'set-bg-names' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -AddBoundaryGroupName 'Lab HQ' -WhatIf }",
        "Probe 'add-ssl' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -MinimumFreeSpaceMB 50 -EnableSsl -WhatIf }",
        "Probe 'add-no-free-space' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -WhatIf }",
        "Probe 'add-documented' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -MinimumFreeSpaceMB 50 -EnablePullDP -SourceDistributionPoints 'a' -SourceDPRanks 1 -WhatIf }",
        "Probe 'add-two-sets' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -CertificatePath 'c:\\x.pfx' -MinimumFreeSpaceMB 50 -WhatIf }",
        "Probe 'set-switch-for-bool' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -EnablePxeSupport -WhatIf }",
        "Probe 'misspelt' { Get-CMDistributionPoint -SiteSytemServerName $dp -SiteCode P01 }",
        "Probe 'no-dpinfo-cmdlet' { Get-CMDistributionPointInfo -SiteSystemServerName $dp -SiteCode P01 }",
      ].join("\n"),
    );
    expect(r["sbg-add-name"]).toBe(notFound("AddSiteSystemServerName"));
    expect(r["sbg-remove-name"]).toBe(notFound("RemoveSiteSystemServerName"));
    expect(r["sbg-documented"]).toBe("bound");
    expect(r["set-pxe-legacy"]).toBe("bound");
    // PowerShell binds an unambiguous prefix of a parameter name, as it would for the real cmdlet:
    // today's -EnablePxe reaches 2012's -EnablePxeSupport, but -EnableContentValidation and
    // -PxePassword name nothing there.
    expect(r["set-pxe-prefix"]).toBe("bound");
    expect(r["set-validation-current"]).toBe(notFound("EnableContentValidation"));
    expect(r["set-pxe-password-current"]).toBe(notFound("PxePassword"));
    expect(r["set-bg-names"]).toBe("bound");
    expect(r["add-ssl"]).toBe(notFound("EnableSsl"));
    expect(r["add-no-free-space"]).toMatch(/^binding: Cannot process command because of one or more missing mandatory parameters: MinimumFreeSpaceMB/);
    expect(r["add-documented"]).toBe("bound");
    expect(r["add-two-sets"]).toMatch(/^binding: Parameter set cannot be resolved/);
    expect(r["set-switch-for-bool"]).toMatch(/^binding: Missing an argument for parameter 'EnablePxeSupport'/);
    expect(r["misspelt"]).toBe(notFound("SiteSytemServerName"));
    // Not a binding failure: the command does not exist at all in the 2012 library.
    expect(r["no-dpinfo-cmdlet"]).toMatch(/is not recognized as a name of a cmdlet/);
  });

  it("2012 R2: Add-CMDistributionPoint has no -EnableSsl and no -Description; Set has the 2012 names", () => {
    const r = run(
      "2012 R2",
      [
        "Probe 'add-ssl' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -MinimumFreeSpaceMB 50 -EnableSsl -WhatIf }",
        "Probe 'add-description' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -MinimumFreeSpaceMB 50 -Description 'x' -WhatIf }",
        "Probe 'set-https' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -ClientCommunicationType HTTPS -WhatIf }",
        "Probe 'set-transfer-typo' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -ClientTransfterRate None -WhatIf }",
        "Probe 'set-no-sitecode' { Set-CMDistributionPoint -SiteSystemServerName $dp -EnablePxeSupport $true -WhatIf }",
      ].join("\n"),
    );
    expect(r["add-ssl"]).toBe(notFound("EnableSsl"));
    expect(r["add-description"]).toBe(notFound("Description"));
    expect(r["set-https"]).toBe("bound");
    // The 2012 R2 reference spells it so.
    expect(r["set-transfer-typo"]).toBe("bound");
    expect(r["set-no-sitecode"]).toMatch(/^binding: Cannot process command because of one or more missing mandatory parameters: SiteCode/);
  });

  it("1610: -AddSiteSystemServerName does not exist yet; the hashtable -AddSiteSystemServer and -RemoveSiteSystemServerName do", () => {
    const r = run(
      "1610",
      [
        "Probe 'sbg-add-name' { Set-CMBoundaryGroup -Name 'G' -AddSiteSystemServerName $dp -WhatIf }",
        "Probe 'sbg-remove-name' { Set-CMBoundaryGroup -Name 'G' -RemoveSiteSystemServerName $dp -WhatIf }",
        "Probe 'sbg-add-hashtable' { Set-CMBoundaryGroup -Name 'G' -AddSiteSystemServer @{} -WhatIf }",
        "Probe 'add-ssl' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -EnableSsl -WhatIf }",
        "Probe 'set-pxe-alias' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -EnablePxeSupport $true -WhatIf }",
        "Probe 'set-nonwds' { Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -EnableNonWdsPxe $true -WhatIf }",
      ].join("\n"),
    );
    expect(r["sbg-add-name"]).toBe(notFound("AddSiteSystemServerName"));
    expect(r["sbg-remove-name"]).toBe("bound");
    expect(r["sbg-add-hashtable"]).toBe("bound");
    expect(r["add-ssl"]).toBe("bound");
    expect(r["set-pxe-alias"]).toBe("bound");
    expect(r["set-nonwds"]).toBe(notFound("EnableNonWdsPxe"));
  });

  it("1702: Set-CMBoundaryGroup -AddSiteSystemServerName binds; -AddSiteSystemServer takes objects", () => {
    const r = run(
      "1702",
      [
        "Probe 'sbg-add-name' { Set-CMBoundaryGroup -Name 'G' -AddSiteSystemServerName $dp -WhatIf }",
        "Probe 'dpinfo' { Get-CMDistributionPointInfo -SiteSystemServerName $dp -SiteCode P01 }",
      ].join("\n"),
    );
    expect(r["sbg-add-name"]).toBe("bound");
    expect(r["dpinfo"]).toBe("bound");
  });

  for (const version of ["2403", "2509"]) {
    it(`${version}: today's names, their 2012 aliases, non-WDS PXE, and still no -BoundaryGroupName on Add`, () => {
      const r = run(
        version,
        [
          "Probe 'add-current' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -EnableSsl -EnablePxe -EnableNonWdsPxe -Description 'x' -WhatIf }",
          "Probe 'add-alias' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -EnablePxeSupport -EnableValidateContent -WhatIf }",
          "Probe 'add-bg' { Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode P01 -CertificateExpirationTimeUtc (Get-Date) -BoundaryGroupName 'G' -WhatIf }",
          "Probe 'sbg-add-name' { Set-CMBoundaryGroup -Name 'G' -AddSiteSystemServerName $dp -WhatIf }",
          "Probe 'sbg-id-and-name' { Set-CMBoundaryGroup -Name 'G' -Id 1 -WhatIf }",
          "Probe 'nss-current' { New-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode P01 -UseSiteServerAccount -WhatIf }",
          "Probe 'secondary-iis' { New-CMSecondarySite -SecondarySiteCode S01 -SiteName B -ServerName sec01.contoso.com -PrimarySiteCode P01 -InstallationSourceFile (New-CMInstallationSourceFile -CopyFromParentSiteServer) -SqlServerSetting (New-CMSqlServerSetting -CopySqlServerExpressOnSecondarySite) -Http -CreateSelfSignedCertificate -CertificateExpirationTimeUtc (Get-Date) -InstallInternetServer $true -WhatIf }",
        ].join("\n"),
      );
      expect(r["add-current"]).toBe("bound");
      expect(r["add-alias"]).toBe("bound");
      expect(r["add-bg"]).toBe(notFound("BoundaryGroupName"));
      expect(r["sbg-add-name"]).toBe("bound");
      expect(r["sbg-id-and-name"]).toMatch(/^binding: Parameter set cannot be resolved/);
      expect(r["nss-current"]).toBe("bound");
      expect(r["secondary-iis"]).toBe("bound");
    });
  }
});
