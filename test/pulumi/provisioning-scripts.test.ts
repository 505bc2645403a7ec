import { describe, expect, it } from "vitest";
import { boundaryGroupScript } from "../../lib/scripts/boundary-group";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { BoundaryGroupInput, DpRoleInput, ScriptAction } from "../../lib/scripts/types";
import { actionBootstrap, actionScript, BOOTSTRAP, REMOTE_COMMAND, remoteCommand, RESULT_PREFIX, wrapScript } from "../../lib/scripts/wrapper";
import { syntaxProblems } from "../scripts/powershell-parser";
import { ps2Violations } from "../scripts/ps2-checker";
import { serverDpDoc } from "../scripts/site-script-checks";

/**
 * The pure side of provisioning: the command lines and the stdin script that holds every action,
 * and the script-generator options the Pulumi wiring relies on (a secondary's DP through its
 * parent's SMS Provider; a boundary group that leaves site systems to the DPs' role steps).
 */

const ACTIONS: ScriptAction[] = ["create", "update", "delete"];
const decode = (line: string) => Buffer.from(line.split(" ").pop()!, "base64").toString("utf16le");

describe("the command lines", () => {
  it.each(ACTIONS)("%s: short, plain characters only (no quoting for cmd.exe or PowerShell), and it sets $action", async (action) => {
    const line = remoteCommand(action);
    expect(line.length).toBeLessThan(2000);
    expect(line).toMatch(/^powershell\.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand [A-Za-z0-9+/=]+$/);
    const bootstrap = decode(line);
    expect(bootstrap).toBe(actionBootstrap(action));
    expect(bootstrap).toContain(`$action = '${action}'`);
    expect(await syntaxProblems(bootstrap)).toEqual([]);
    expect(await ps2Violations(bootstrap)).toEqual([]);
  });

  it("reads stdin whole as UTF-8, refuses an empty one, and runs it as one script block with its exit code", () => {
    const bootstrap = actionBootstrap("create");
    const at = (s: string) => {
      const i = bootstrap.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("[Console]::InputEncoding = New-Object System.Text.UTF8Encoding")).toBeLessThan(at("@($input)"));
    expect(at("@($input)")).toBeLessThan(at(`status=failed detail=no script arrived on stdin'; exit 1`));
    expect(at("exit 1")).toBeLessThan(at("& ([ScriptBlock]::Create($text))"));
    expect(bootstrap.endsWith("exit $LASTEXITCODE")).toBe(true);
    // The action-less form keeps the same reading.
    expect(BOOTSTRAP).not.toContain("$action");
    expect(decode(REMOTE_COMMAND)).toBe(BOOTSTRAP);
  });
});

describe("actionScript", () => {
  const script = (step: string) => wrapScript(step, `Write-Result 'changed' 'did ${step}'\nexit 0`);

  it("runs the script of the action in its own script block, each exactly once", async () => {
    const text = actionScript("demo", { create: script("demo/create"), update: script("demo/update"), delete: script("demo/delete") });
    expect(await syntaxProblems(text)).toEqual([]);
    expect(await ps2Violations(text)).toEqual([]);
    for (const action of ACTIONS) {
      expect(text.split(`($action -eq '${action}')`)).toHaveLength(2);
      expect(text.split(`$step = 'demo/${action}'`)).toHaveLength(2);
    }
    expect(text.indexOf("($action -eq 'create') {\n& {\n")).toBeLessThan(text.indexOf("$step = 'demo/create'"));
    expect(text.endsWith("\n\n")).toBe(true);
  });

  it("uses create for update when there is no update script, and has no delete branch without a delete script", async () => {
    const text = actionScript("verify", { create: script("verify/check") });
    expect(await syntaxProblems(text)).toEqual([]);
    expect(text.split("$step = 'verify/check'")).toHaveLength(3);
    expect(text).not.toContain("'delete'");
    expect(text).toContain(`'${RESULT_PREFIX} step=' + 'verify' + ' status=failed detail=' + 'no create/update script for action ' + $action`);
  });

  it("fails when an action's script ends without its own exit", () => {
    const text = actionScript("demo", { create: "Write-Output 'no exit here'\n" });
    const tail = text.slice(text.lastIndexOf("\n}\n") + 3);
    expect(tail).toContain("status=failed detail=' + 'the ' + $action + ' script ended without a result'");
    expect(tail).toMatch(/exit 1\n\n$/);
  });

  it("keeps embedded scripts as they are: a here-string still closes in column 1", async () => {
    const text = actionScript("here", { create: "$x = @'\nline\n'@\nexit 0\n" });
    expect(text).toContain("\n'@\n");
    expect(await syntaxProblems(text)).toEqual([]);
  });
});

describe("the DP host's script as it travels, for the PowerShell 2.0 hosts", () => {
  it.each(["windows-7", "windows-server-2008-r2"] as const)("%s: all actions in one stdin, parsed, no PowerShell 2.0 violation", async (os) => {
    const input = { os, domain: "LAB", siteServer: "cm01.lab.local", dpServer: "dp.lab.local", installFeatures: true, grantLocalAdmin: true };
    for (const rebootIfRequired of [false, true]) {
      const text = actionScript("host-prepare", {
        create: hostPrepareScript({ ...input, rebootIfRequired }, "create"),
        update: hostPrepareScript({ ...input, rebootIfRequired }, "update"),
        delete: hostPrepareScript({ ...input, rebootIfRequired }, "delete"),
      });
      expect(await syntaxProblems(text)).toEqual([]);
      expect(await ps2Violations(text)).toEqual([]);
    }
  });
});

describe("a DP of a secondary site, managed through the parent primary's SMS Provider", () => {
  const role = (extra: Partial<DpRoleInput> = {}): DpRoleInput => ({
    version: "2403",
    siteCode: "S01",
    siteServer: "cm01.contoso.com",
    dp: { ...serverDpDoc(), site: "S01" },
    boundaryGroups: [],
    ...extra,
  });

  it("connects the drive and WMI namespace of the provider's site, and names the DP's site on the cmdlets", async () => {
    const script = dpRoleScript(role({ providerSiteCode: "P01" }), "create");
    expect(await syntaxProblems(script)).toEqual([]);
    expect(script).toContain("$siteCode = 'S01'");
    expect(script).toContain("$providerSiteCode = 'P01'");
    expect(script).toContain("New-PSDrive -Name $providerSiteCode -PSProvider CMSite -Root $siteServer");
    expect(script).toContain("Set-Location -Path ($providerSiteCode + ':')");
    expect(script).toContain("Namespace = ('root\\SMS\\site_' + $providerSiteCode)");
    expect(script).toContain("Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode");
    expect(script).toContain("('ServerName = ' + (ConvertTo-WqlString $dp) + ' AND SiteCode = ' + (ConvertTo-WqlString $siteCode))");
  });

  it("uses the DP's own site for the provider by default", () => {
    expect(dpRoleScript(role({ siteCode: "P01", dp: serverDpDoc() }), "delete")).toContain("$providerSiteCode = 'P01'");
  });
});

describe("a boundary group's site systems", () => {
  const group = (extra: Partial<BoundaryGroupInput> = {}): BoundaryGroupInput => ({
    version: "2403",
    siteCode: "P01",
    siteServer: "cm01.contoso.com",
    name: "HQ",
    boundaries: [{ ipSubnet: "10.1.0.0/16" }],
    ...extra,
  });

  it("in a document: attach the listed DPs that are DPs already, detach only DPs the document does not list there", async () => {
    const script = boundaryGroupScript(group({ siteSystems: ["DP1.contoso.com", "dp2.contoso.com"] }), "update");
    expect(await syntaxProblems(script)).toEqual([]);
    expect(script).toContain("$wantedSystems = @('dp1.contoso.com', 'dp2.contoso.com')");
    expect(script).toContain("if (Test-DistributionPoint $server) { $attach += $server }");
    expect(script).toContain("$detach = @($currentSystems | Where-Object { $wantedSystems -notcontains $_ } | Where-Object { Test-DistributionPoint $_ })");
  });

  it("on its own (no list): left alone, so the DPs' role steps alone decide membership", async () => {
    const script = boundaryGroupScript(group(), "update");
    expect(await syntaxProblems(script)).toEqual([]);
    expect(script).toContain("# site systems: not managed here");
    for (const s of ["$wantedSystems", "$detach", "RemoveSiteSystemServerName", "AddSiteSystemServerName"]) expect(script).not.toContain(s);
    // The group itself is still reconciled.
    expect(script).toContain("Add-CMBoundaryToGroup");
  });
});
