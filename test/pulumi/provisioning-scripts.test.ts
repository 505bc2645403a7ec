import { describe, expect, it } from "vitest";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { BoundaryGroupInput, DpRoleInput, ScriptAction } from "../../lib/scripts/types";
import { boundaryGroupConfig } from "../../lib/scripts/boundary-group";
import { dpRoleConfig } from "../../lib/scripts/dp-role";
import { actionBootstrap, actionScript, actionScriptText, BOOTSTRAP, decodeStdin, REMOTE_COMMAND, remoteCommand, wrapScript } from "../../lib/scripts/wrapper";
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
  it.each(ACTIONS)("%s: well under cmd.exe's 8,191 characters, plain characters only, and it sets $action", async (action) => {
    const line = remoteCommand(action);
    expect(line.length).toBeLessThan(4000);
    expect(line).toMatch(/^powershell\.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand [A-Za-z0-9+/=]+$/);
    const bootstrap = decode(line);
    expect(bootstrap).toBe(actionBootstrap(action));
    expect(bootstrap).toContain(`$action = '${action}'`);
    expect(await syntaxProblems(bootstrap)).toEqual([]);
    expect(await ps2Violations(bootstrap)).toEqual([]);
  });

  it("checks the stdin's SHA-256 and length before it decodes and runs it, and ends exit 1, never the last native exit code", () => {
    const bootstrap = actionBootstrap("create");
    const at = (s: string) => {
      const i = bootstrap.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("@($input")).toBeLessThan(at("[Security.Cryptography.SHA256]::Create().ComputeHash($bytes)"));
    expect(at("$hash -ne $sha")).toBeLessThan(at("[Text.Encoding]::UTF8.GetString($bytes)"));
    expect(at("[Text.Encoding]::UTF8.GetString($bytes)")).toBeLessThan(at("& ([ScriptBlock]::Create($text))"));
    expect(bootstrap.endsWith("\nexit 1")).toBe(true);
    expect(bootstrap).not.toContain("$LASTEXITCODE");
    expect(BOOTSTRAP).not.toContain("$action");
    expect(decode(REMOTE_COMMAND)).toBe(BOOTSTRAP);
  });
});

describe("actionScript", () => {
  const script = (step: string) => wrapScript(step, `Write-Result 'changed' 'did ${step}'\nexit 0`);

  it("is ASCII base64 of the script's UTF-8 bytes under a header with their SHA-256 and length", () => {
    const text = actionScriptText("demo", { create: script("demo/create ü 日本") });
    const stdin = actionScript("demo", { create: script("demo/create ü 日本") });
    expect(/^[\x0a\x20-\x7e]*$/.test(stdin)).toBe(true);
    expect(stdin.split("\n")[0]).toMatch(/^pulumi-configmgr-stdin sha256=[0-9a-f]{64} bytes=\d+$/);
    expect(decodeStdin(stdin)).toBe(text);
    expect(() => decodeStdin(stdin.slice(0, -20))).toThrow(/not whole/);
  });

  it("runs the script of the action in its own script block, each exactly once", async () => {
    const text = actionScriptText("demo", { create: script("demo/create"), update: script("demo/update"), delete: script("demo/delete") });
    expect(await syntaxProblems(text)).toEqual([]);
    expect(await ps2Violations(text)).toEqual([]);
    for (const action of ACTIONS) {
      expect(text.split(`$Dispatch.Actions['${action}'] = {`)).toHaveLength(2);
      expect(text.split(`Step = 'demo/${action}'`)).toHaveLength(2);
    }
  });

  it("uses create for update when there is no update script, and has no delete branch without a delete script", async () => {
    const text = actionScriptText("verify", { create: script("verify/check") });
    expect(await syntaxProblems(text)).toEqual([]);
    expect(text.split("Step = 'verify/check'")).toHaveLength(3);
    expect(text).not.toContain("'delete'");
    expect(text).toContain("Names = 'create/update'");
  });

  it("keeps embedded scripts as they are: a here-string still closes in column 1", async () => {
    const text = actionScriptText("here", { create: "$x = @'\nline\n'@\nexit 0\n" });
    expect(text).toContain("\n'@\n");
    expect(await syntaxProblems(text)).toEqual([]);
  });
});

describe("the DP host's script as it travels, for the PowerShell 2.0 hosts", () => {
  it.each(["windows-7", "windows-server-2008-r2"] as const)("%s: all actions in one stdin, parsed, no PowerShell 2.0 violation", async (os) => {
    const input = { os, domain: "LAB", siteServer: "cm01.lab.local", dpServer: "dp.lab.local", installFeatures: true, grantLocalAdmin: true };
    for (const rebootIfRequired of [false, true]) {
      const text = actionScriptText("host-prepare", {
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
    expect(dpRoleConfig(role({ providerSiteCode: "P01" }), "create")).toMatchObject({ SiteCode: "S01", ProviderSiteCode: "P01", SiteServer: "cm01.contoso.com" });
  });

  it("uses the DP's own site for the provider by default", () => {
    expect(dpRoleConfig(role({ siteCode: "P01", dp: serverDpDoc() }), "delete")).toMatchObject({ ProviderSiteCode: "P01" });
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

  it("in a document: the listed DPs, lower case", () => {
    expect(boundaryGroupConfig(group({ siteSystems: ["DP1.contoso.com", "dp2.contoso.com"] }), "update")).toMatchObject({ SiteSystems: ["dp1.contoso.com", "dp2.contoso.com"] });
  });

  it("on its own (no list): left alone, so the DPs' role steps alone decide membership", () => {
    expect(boundaryGroupConfig(group(), "update")).toMatchObject({ SiteSystems: null });
  });
});
