import { describe, expect, it } from "vitest";
import { localAdminLines, siteServerAccount } from "../../lib/scripts/local-admin";
import { wrapScript } from "../../lib/scripts/wrapper";
import { syntaxProblems } from "./powershell-parser";
import { ps2Violations } from "./ps2-checker";

describe("siteServerAccount", () => {
  it("is DOMAIN\\FIRSTLABEL$ with the computer name upper-cased", () => {
    expect(siteServerAccount("LAB", "cm01.lab.local")).toBe("LAB\\CM01$");
    expect(siteServerAccount("CONTOSO", "CmSite01.corp.contoso.com")).toBe("CONTOSO\\CMSITE01$");
  });
});

describe("localAdminLines", () => {
  const grant = localAdminLines("LAB", "cm01.lab.local", "grant").join("\n");
  const revoke = localAdminLines("LAB", "cm01.lab.local", "revoke").join("\n");

  it("finds the Administrators group by SID S-1-5-32-544 and strips the BUILTIN\\ prefix", () => {
    for (const script of [grant, revoke]) {
      expect(script).toContain("New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'");
      expect(script).toContain(".Translate([System.Security.Principal.NTAccount]).Value");
      expect(script).toContain("$adminsName.Substring($adminsName.IndexOf('\\') + 1)");
      expect(script).toContain("[ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $adminsName + ',group')");
    }
  });

  it("grant adds WinNT://LAB/CM01$ only when IsMember says it is missing", () => {
    expect(grant).toMatch(/if \(\$admins\.IsMember\(\$member\)\) \{\n\s+\$adminChanged = \$false\n\s+\} else \{\n\s+\$admins\.Add\(\$member\)/);
    expect(grant).toContain("$member = 'WinNT://LAB/CM01$'");
    expect(grant).not.toContain("Remove(");
  });

  it("revoke removes only when IsMember says it is there", () => {
    expect(revoke).toMatch(/if \(\$admins\.IsMember\(\$member\)\) \{\n\s+\$admins\.Remove\(\$member\)/);
    expect(revoke).not.toContain("Add(");
  });

  it("puts odd names into single-quoted literals only", () => {
    const lines = localAdminLines("O'Brien$(x)", "we`b’01.lab.local", "grant");
    expect(lines[0]).toBe("$siteServer = 'we`b’’01.lab.local'");
    expect(lines[1]).toBe("$account = 'O''Brien$(x)\\WE`B’’01$'");
    expect(lines[2]).toBe("$member = 'WinNT://O''Brien$(x)/WE`B’’01$'");
  });

  it("is a PowerShell 2.0-safe script that parses", async () => {
    for (const mode of ["grant", "revoke"] as const) {
      const script = wrapScript("local-admin", [...localAdminLines("LAB", "cm01.lab.local", mode), "exit 0"].join("\n"));
      expect(await syntaxProblems(script)).toEqual([]);
      expect(await ps2Violations(script)).toEqual([]);
    }
  });
});
