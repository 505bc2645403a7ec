import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { check } from "../../lib/pulumi/provider-logic";
import { UNKNOWN_SENTINELS } from "../../lib/pulumi/unknowns";
import { labDoc } from "../fixtures/lab";
import { DYNAMIC_PREFIX, registered, setupMocks, valueOf, type Registration } from "./mocks";

let regs: Registration[];
let lib: typeof import("../../lib/index");
const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});

beforeAll(async () => {
  regs = await setupMocks({ preview: true });
  lib = await import("../../lib/index");
});

describe("pulumi preview", () => {
  it("builds the whole tree; declared values are known, computed ones only after up", async () => {
    const h = new lib.Hierarchy("pv", { provision: false, topology: labDoc() });
    const dp = h.distributionPoints["win701.lab.local"];
    await registered([h.topology, dp, dp.resource]);
    expect(regs.filter((r) => r.name.startsWith("pv"))).toHaveLength(8);
    expect(await valueOf(dp.serverFqdn)).toBe("win701.lab.local");
    expect(await valueOf(dp.siteCode)).toBe("P01");
    expect(pulumi.Output.isInstance(dp.configuration)).toBe(true);
    expect(await (dp.configuration as any).isKnown).toBe(false);
    expect(await (dp.netbiosName as any).isKnown).toBe(false);
  });

  it("sends a value that comes from another resource as unknown, and the check skips what reads it", async () => {
    class Vm extends pulumi.CustomResource {
      declare readonly fqdn: pulumi.Output<string>;
      constructor(name: string) {
        super("test:index:Vm", name, { fqdn: undefined });
      }
    }
    const vm = new Vm("vm1");
    const dp = new lib.DistributionPoint("pv-dp", { provision: false,
      server: vm.fqdn,
      site: "P01",
      os: "windows-7",
      edition: "home",
      architecture: "x64",
      hardware: { cores: 2, memoryGB: 8 },
      boundaryGroups: [],
      configMgrVersion: "2012 SP1",
    });
    await registered([dp, dp.resource]);
    const inputs = regs.find((r) => r.type === `${DYNAMIC_PREFIX}DistributionPoint` && r.name === "pv-dp")!.inputs;
    // The mock monitor shows an unknown marker; the engine sends it to check as the string sentinel (pulumi-notes §1.4).
    expect(typeof inputs.server).not.toBe("string");
    const result = await check("distributionPoint", {}, { ...inputs, server: UNKNOWN_SENTINELS.string });
    // Only DP-OS-EDITION (home edition) remains: it does not depend on the server.
    expect(result.failures.map((f) => f.reason.slice(0, 16))).toEqual(["[DP-OS-EDITION] "]);
    expect(result.failures[0].reason).toContain("dp:<unknown server>");
    // Its own warnings (DP-NO-BG here) wait until its inputs are known.
    await new Promise((r) => setTimeout(r, 50));
    expect(warn.mock.calls.filter(([msg]) => msg.startsWith("[DP-NO-BG]"))).toEqual([]);
  });
});
