import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boundaryGroupScript } from "../../lib/scripts/boundary-group";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import type { BoundaryGroupInput, DpRoleInput, ScriptAction } from "../../lib/scripts/types";
import { labDoc } from "../fixtures/lab";
import { expectSiteScriptOk, parsedDoc } from "./site-script-checks";

/**
 * The seed lab's site-server scripts (ConfigMgr 2012 SP1, primary P01 on cm01.lab.local, Windows 7
 * DP win701.lab.local in boundary group "Lab HQ"), compared byte for byte. Regenerate after an
 * intended change with UPDATE_GOLDEN=1 and read the diff.
 */
const lab = parsedDoc(labDoc());
const LAB_DP = lab.distributionPoints[0];
const LAB_GROUP = lab.boundaryGroups[0];

const LAB_ROLE: DpRoleInput = {
  version: lab.configMgrVersion,
  siteCode: LAB_DP.site,
  siteServer: lab.primarySites[0].server,
  dp: LAB_DP,
  boundaryGroups: LAB_DP.boundaryGroups,
};

const LAB_BG: BoundaryGroupInput = {
  version: lab.configMgrVersion,
  siteCode: "P01",
  siteServer: lab.primarySites[0].server,
  name: LAB_GROUP.name,
  assignedSite: LAB_GROUP.assignedSite,
  boundaries: LAB_GROUP.boundaries,
  siteSystems: [LAB_DP.server],
};

const GOLDEN_DIR = join(__dirname, "golden");

function compare(fileName: string, script: string) {
  const file = join(GOLDEN_DIR, fileName);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, script);
  expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(script).toBe(readFileSync(file, "utf8"));
}

describe("golden site-server scripts of the lab", () => {
  it("the lab inputs are the documented ones", () => {
    expect(LAB_ROLE).toMatchObject({ version: "2012 SP1", siteCode: "P01", siteServer: "cm01.lab.local", boundaryGroups: ["Lab HQ"] });
    expect(LAB_DP).toMatchObject({
      server: "win701.lab.local",
      os: "windows-7",
      edition: "enterprise",
      storage: { primaryContentLibrary: "C", primaryPackageShare: "C", minimumFreeSpaceMB: 50 },
      clientConnection: "http",
      description: "Lab DP",
      contentValidation: { schedule: { recur: "weekly", day: "saturday", at: "02:00" }, priority: "lowest" },
    });
    expect(LAB_DP.pull ?? LAB_DP.pxe ?? LAB_DP.multicast).toBeUndefined();
    expect(LAB_BG).toMatchObject({ name: "Lab HQ", assignedSite: "P01", boundaries: [{ ipSubnet: "192.168.1.0/24" }] });
  });

  for (const action of ["create", "update", "delete"] as ScriptAction[]) {
    it(`role-lab-${action}.ps1 matches and passes the site-script checks`, async () => {
      const script = dpRoleScript(LAB_ROLE, action);
      await expectSiteScriptOk(script);
      compare(`role-lab-${action}.ps1`, script);
    });
  }

  for (const action of ["create", "delete"] as ScriptAction[]) {
    it(`bg-lab-hq-${action}.ps1 matches and passes the site-script checks`, async () => {
      const script = boundaryGroupScript(LAB_BG, action);
      await expectSiteScriptOk(script);
      compare(`bg-lab-hq-${action}.ps1`, script);
    });
  }
});
