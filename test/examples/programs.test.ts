import { beforeAll, describe, expect, it } from "vitest";
import { setupMocks, type Registration } from "../pulumi/mocks";

/**
 * Every Pulumi program of examples/ runs under Pulumi's mocks, as `pulumi preview` would run it:
 * it builds its tree, creates its provisioning steps, and throws nothing. The programs import
 * the package by name ("pulumi-configmgr", i.e. dist/, built by npm test's pretest).
 */

const CONFIG = { "configmgr:user": "LAB\\pulumi", "configmgr:password": "example-password" };
let regs: Registration[];

async function settle(): Promise<void> {
  let last = -1;
  while (regs.length !== last) {
    last = regs.length;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const count = (type: string, prefix: string) => regs.filter((r) => r.type === type && r.name.startsWith(prefix)).length;

describe("example programs under mocks", () => {
  beforeAll(async () => {
    regs = await setupMocks({ config: CONFIG, secretKeys: ["configmgr:password"] });
  });

  it("examples/lab builds the seed's lab with its provisioning steps", async () => {
    const lab = await import("../../examples/lab/index");
    await settle();
    expect(lab.distributionPoints).toEqual(["win701.lab.local"]);
    expect(lab.summary).toEqual({ errors: 0, warnings: 0, waived: 0 });
    expect(count("pulumi-nodejs:dynamic/configmgr:Topology", "lab")).toBe(1);
    expect(regs.filter((r) => r.type === "command:remote:Command" && r.name.startsWith("lab")).map((r) => r.name).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/prepare$/), expect.stringMatching(/role$/), expect.stringMatching(/boundary-group$/)]),
    );
  });

  it("examples/branch-offices builds every office from the CSV", async () => {
    const estate = await import("../../examples/branch-offices/index");
    await settle();
    expect(estate.summary.errors).toBe(0);
    expect(estate.distributionPoints.length).toBe(39);
    expect(count("pulumi-nodejs:dynamic/configmgr:DistributionPoint", "branch-offices")).toBe(39);
  });

  it("examples/limits registers its Topology check with every violation in it", async () => {
    const limits = await import("../../examples/limits/index");
    await settle();
    expect(limits.summary).toEqual({ errors: 17, warnings: 0, waived: 2 });
    expect(count("pulumi-nodejs:dynamic/configmgr:Topology", "limits")).toBe(1);
  });
});
