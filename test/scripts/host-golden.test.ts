import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { HostPrepInput, ScriptAction } from "../../lib/scripts/types";

/**
 * The seed lab's host scripts (Windows 7 DP win701.lab.local, site server cm01.lab.local in LAB),
 * compared byte for byte. Regenerate after an intended change with UPDATE_GOLDEN=1 and read the diff.
 */
const LAB_HOST: HostPrepInput = {
  os: "windows-7",
  domain: "LAB",
  siteServer: "cm01.lab.local",
  dpServer: "win701.lab.local",
  installFeatures: true,
  grantLocalAdmin: true,
};

const GOLDEN_DIR = join(__dirname, "golden");

describe("golden host scripts of the lab", () => {
  for (const action of ["create", "delete"] as ScriptAction[]) {
    it(`host-windows-7-${action}.ps1 matches`, () => {
      const file = join(GOLDEN_DIR, `host-windows-7-${action}.ps1`);
      const script = hostPrepareScript(LAB_HOST, action);
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, script);
      expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
      expect(script).toBe(readFileSync(file, "utf8"));
    });
  }
});
