import { describe, expect, it } from "vitest";
import { normalizedSettings } from "../../lib/pulumi/provisioning/normalize";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { ScriptAction } from "../../lib/scripts/types";
import { labDoc } from "../fixtures/lab";
import { labEstate } from "../labdouble/seed";
import { runStep } from "./harness";

/** Today's host-prepare and dp-role scripts of the seed's lab, run for real against the double. */
const dpDecl = labDoc().distributionPoints[0];
const normalized = normalizedSettings("distributionPoints", dpDecl as unknown as Record<string, unknown>);
if ("problem" in normalized) throw new Error(normalized.problem);
const dp = normalized.settings;

const prepare = (action: ScriptAction) =>
  hostPrepareScript({ os: "windows-7", domain: "LAB", siteServer: "cm01.lab.local", dpServer: dp.server, installFeatures: true, grantLocalAdmin: true }, action);
const role = (action: ScriptAction) =>
  dpRoleScript({ version: "2012 SP1", siteCode: "P01", siteServer: "cm01.lab.local", dp, boundaryGroups: [] }, action);
const all = (gen: (a: ScriptAction) => string) => ({ create: gen("create"), update: gen("update"), delete: gen("delete") });

describe("smoke: today's lab scripts through the harness", () => {
  it("host-prepare then dp-role install the Windows 7 DP of the 2012 SP1 lab", () => {
    const host = runStep("host-prepare", all(prepare), "create", { state: labEstate(), computer: "WIN701" });
    expect(host.resultLines, host.stdout + host.stderr).toBe(1);
    expect(host.result?.status, host.stdout + host.stderr).toBe("changed");
    expect(host.exitCode).toBe(0);
    const win7 = host.state.hosts.WIN701;
    expect(win7.administrators.members.map((m: { path: string }) => m.path)).toContain("WinNT://LAB/CM01$");
    expect(win7.features["IIS-WMICompatibility"]).toBe("Enabled");
    expect(host.calls.some((c) => c.command === "dism.exe" && c.changing)).toBe(true);

    const dpRun = runStep("dp-role", all(role), "create", { state: host.statePath, computer: "CM01" });
    expect(dpRun.result?.status, dpRun.stdout + dpRun.stderr).toBe("changed");
    expect(dpRun.exitCode).toBe(0);
    const installed = dpRun.state.distributionPoints.find((d: { server: string }) => d.server === "win701.lab.local");
    expect(installed.installed).toBe(true);
    expect(dpRun.state.statusMessages.some((m: { messageId: number }) => m.messageId === 2399)).toBe(true);
    expect(dpRun.calls.filter((c) => c.command === "Add-CMDistributionPoint")).toHaveLength(1);
  });
});
