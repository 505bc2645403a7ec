import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { labDoc } from "../fixtures/lab";
import { decodeStdin } from "../../lib/scripts/wrapper";
import { syntaxProblems } from "../scripts/powershell-parser";
import { registered, setupMocks, unwrapSecrets, type Registration } from "./mocks";

/**
 * `pulumi preview`: the remote steps show with known scripts (they are built from the declared
 * values, not from the checks' computed outputs), and a value from another resource that is still
 * unknown leaves the step's script unknown without breaking the program.
 */

const COMMAND = "command:remote:Command";
let regs: Registration[];
let lib: typeof import("../../lib/index");
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
  regs = await setupMocks({
    preview: true,
    config: { "configmgr:user": "LAB\\pulumi", "configmgr:password": "pw-sentinel" },
    secretKeys: ["configmgr:password"],
  });
  lib = await import("../../lib/index");
});
afterAll(() => {
  process.off("unhandledRejection", onRejection);
  vi.restoreAllMocks();
});

describe("preview", () => {
  it("shows every step of the lab with its script known", async () => {
    const h = new lib.Hierarchy("pvp", { topology: labDoc() });
    const dp = h.distributionPoints["win701.lab.local"];
    await registered([dp.steps.prepare!, dp.steps.role!, h.primarySites.P01.steps.verify!, h.boundaryGroups["Lab HQ"].steps.boundaryGroup!]);
    const commands = regs.filter((r) => r.type === COMMAND && r.name.startsWith("pvp-"));
    expect(commands.map((r) => r.name).sort()).toEqual(
      ["pvp-lab hq-boundary-group", "pvp-P01-verify", "pvp-win701.lab.local-prepare", "pvp-win701.lab.local-role"].sort(),
    );
    for (const r of commands) {
      const stdin = unwrapSecrets(r.inputs.stdin);
      expect(typeof stdin, r.name).toBe("string");
      expect(await syntaxProblems(decodeStdin(stdin as string)), r.name).toEqual([]);
      expect(r.inputs.triggers.every((t: unknown) => typeof t === "string"), r.name).toBe(true);
    }
  });

  it("leaves a step's script unknown while the DP's server comes from a resource not created yet", async () => {
    class Vm extends pulumi.CustomResource {
      declare readonly fqdn: pulumi.Output<string>;
      constructor(name: string) {
        super("test:index:Vm", name, { fqdn: undefined });
      }
    }
    const vm = new Vm("pvp-vm");
    const dp = new lib.DistributionPoint("pvp-dp", {
      server: vm.fqdn,
      site: "P01",
      os: "windows-server-2022",
      edition: "standard",
      architecture: "x64",
      hardware: { cores: 4, memoryGB: 16 },
      configMgrVersion: "2403",
      domain: "LAB",
      siteServer: "cm01.lab.local",
    });
    await registered([dp, dp.steps.prepare!, dp.steps.role!]);
    const role = regs.find((r) => r.type === COMMAND && r.name === "pvp-dp-role")!;
    // The mock monitor's unknown marker (the engine's is a sentinel string).
    expect(role.inputs.stdin).toEqual({ __pulumiUnknown: true });
    expect(role.inputs.triggers).toEqual([{ __pulumiUnknown: true }, "P01"]);
    // The site server is declared, so where the role step runs is known already.
    expect(unwrapSecrets(role.inputs.connection).host).toBe("cm01.lab.local");
    await new Promise((r) => setTimeout(r, 100));
    expect(rejections).toEqual([]);
  });
});
