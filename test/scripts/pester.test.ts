import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pesterManifest, pwshPath } from "../powershell/runtime";

/** The Pester suites under test/scripts/pester, run by the Pester that `npm run setup` installs. */
describe("Pester", () => {
  it("the shared step helpers' Pester tests pass", () => {
    const dir = join(__dirname, "pester");
    const script = [
      "$ErrorActionPreference = 'Stop'",
      `Import-Module '${pesterManifest().replace(/'/g, "''")}'`,
      "$c = New-PesterConfiguration",
      `$c.Run.Path = '${dir.replace(/'/g, "''")}'`,
      "$c.Run.PassThru = $true",
      "$c.Output.Verbosity = 'None'",
      "$r = Invoke-Pester -Configuration $c",
      "'PESTER total=' + $r.TotalCount + ' passed=' + $r.PassedCount + ' failed=' + $r.FailedCount",
      "foreach ($t in $r.Failed) { 'FAILED ' + $t.ExpandedPath + ': ' + $t.ErrorRecord[0].Exception.Message }",
    ].join("\n");
    const run = spawnSync(pwshPath(), ["-NoProfile", "-NonInteractive", "-Command", "-"], { input: script, encoding: "utf8", timeout: 300_000 });
    const summary = /PESTER total=(\d+) passed=(\d+) failed=(\d+)/.exec(run.stdout);
    expect(summary, run.stdout + run.stderr).not.toBeNull();
    expect(run.stdout.split("\n").filter((l) => l.startsWith("FAILED"))).toEqual([]);
    expect(Number(summary![3])).toBe(0);
    expect(Number(summary![2])).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
