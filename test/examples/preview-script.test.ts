import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("npm run preview without a Pulumi CLI", () => {
  it("stops within seconds with one paragraph that says why and to run npm run validate", () => {
    // A version that cannot be downloaded anywhere, so the test means the same with or without network.
    // "Within seconds" is the script's own bound (PREVIEW_RESOLVE_TIMEOUT_MS), not a wall clock
    // measured here: a loaded machine must not fail this test. A hang ends in the test timeout.
    const run = spawnSync(process.execPath, [join(__dirname, "../../scripts/preview.js")], {
      env: { ...process.env, PULUMI_VERSION: "0.0.0-does-not-exist", PREVIEW_RESOLVE_TIMEOUT_MS: "10000" },
      encoding: "utf8",
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    const paragraph = run.stderr.trim().split("\n").filter((l) => l.trim() !== "" && !l.startsWith("Downloading"));
    expect(paragraph).toHaveLength(1);
    expect(paragraph[0]).toContain("npm run validate");
    expect(paragraph[0]).toContain("Pulumi CLI");
  });
});
