import { describe, expect, it } from "vitest";
import { changing, dpDoc, ESTATES, groupInput, hostFolders, hostInput, outcome, roleInput, runGroup, runHost, runRole } from "./matrix";

/**
 * What dp-role refuses, executed against the double: HTTPS without the PKI certificate the cmdlets
 * require (the document has no certificate field) fails before any change; a PXE password never
 * appears in the output, also when the step fails.
 */
const LONG = 600_000;
const e = ESTATES.find((x) => x.version === "2403")!;

describe("dp-role refusals (2403 estate)", () => {
  it("clientConnection https: failed, exit 1, the fix named, nothing changed", () => {
    const env = hostFolders();
    const host = runHost(e, hostInput(e), "create", e.state(), env);
    const run = runRole(e, roleInput(e, dpDoc(e, { clientConnection: "https", boundaryGroups: [] })), "create", host.statePath, env);
    expect([run.exitCode, run.result?.status], outcome(run)).toEqual([1, "failed"]);
    expect(run.result?.detail).toMatch(/PKI certificate .*set clientConnection: http/);
    expect(changing(run.calls)).toEqual([]);
  }, LONG);

  it("a PXE password is never printed, whether the step succeeds or fails", () => {
    const env = hostFolders();
    const secret = "Sup3r-s3cret-PXE";
    const host = runHost(e, hostInput(e), "create", e.state(), env);
    const group = runGroup(e, groupInput(e, { siteSystems: undefined }), "create", host.statePath, env);
    const dp = dpDoc(e, { pxe: { enabled: true, passwordSecret: "pxe" } });
    const ok = runRole(e, roleInput(e, dp, { pxePassword: secret }), "create", group.statePath, env);
    expect(ok.exitCode, outcome(ok)).toBe(0);
    // Fails after the password was set: the group it should join is gone.
    const failed = runRole(e, roleInput(e, dp, { pxePassword: secret, boundaryGroups: ["No such group"] }), "update", ok.statePath, env);
    expect([failed.exitCode, failed.result?.status], outcome(failed)).toEqual([1, "failed"]);
    for (const r of [ok, failed]) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  }, LONG);
});
