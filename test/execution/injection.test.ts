import { describe, expect, it } from "vitest";
import { NASTY } from "../scripts/hostile";
import { dpDoc, ESTATES, groupInput, hostFolders, hostInput, outcome, roleInput, runGroup, runHost, runRole } from "./matrix";

/**
 * Injection attempts per field, executed (issue 14): hostile values placed by the library's own
 * generators into the document fields that reach ConfigMgr — a boundary group's name and
 * description, a DP's description — run through the bootstrap against the lab double (2403), and
 * the double's state must hold each value literally: nothing ran, nothing was cut.
 */
const LONG = 900_000;
const e = ESTATES.find((x) => x.version === "2403")!;
/** Every hostile fragment of the quoting property test, in values a schema accepts (no control characters). */
const VALUES = [NASTY.join(""), "'; Write-Output INJECTED; '", "$(Remove-Item C:\\ -Recurse)", "`$env:PATH` ${env:USERNAME}", "@'\n'@".replace("\n", " "), "\u2019; exit 0; \u2018", "x#><# y", "HQ [1]* ? &| {}()"];

describe("injection attempts per field, executed against the lab double (2403)", () => {
  it("boundary-group name and description, and the DP's description, land literally in ConfigMgr", () => {
    const env = hostFolders();
    let state: string | Record<string, unknown> = runHost(e, hostInput(e), "create", e.state(), env).statePath;
    VALUES.forEach((value, i) => {
      const name = `${value} ${i}`;
      const r = runGroup(e, groupInput(e, { name, description: value, boundaries: [{ ipSubnet: `10.${100 + i}.0.0/16` }], siteSystems: undefined }), "create", state, env);
      expect([r.exitCode, r.result?.status], `${JSON.stringify(value)}\n${outcome(r)}`).toEqual([0, "changed"]);
      expect(r.stdout).not.toMatch(/^INJECTED$/m);
      const group = (r.state.boundaryGroups as { name: string; description: string }[]).find((g) => g.name === name);
      expect(group, JSON.stringify(value)).toBeDefined();
      expect(group!.description).toBe(value);
      state = r.statePath;
    });
    const dp = runRole(e, roleInput(e, dpDoc(e, { boundaryGroups: [], description: VALUES[0] })), "create", state, env);
    expect(dp.exitCode, outcome(dp)).toBe(0);
    expect((dp.state.distributionPoints as { settings: { description: string } }[])[0].settings.description).toBe(VALUES[0]);
  }, LONG);
});
