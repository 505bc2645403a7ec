import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { check, type Kind } from "../../lib/pulumi/provider-logic";
import { labDoc } from "../fixtures/lab";
import { cleanup, rpc, startHost, type Host } from "./host-harness";
import { DYNAMIC_PREFIX, isSecret, registered, setupMocks, valueOf, type Registration } from "./mocks";

/**
 * Secrets stay Pulumi secrets end to end: run the lab with sentinel values for every secret the
 * library handles and look for them everywhere a secret must never be.
 */

const FROM_CONFIG = "pxe-sentinel-from-config-5b1e";
const FROM_ARGS = "pxe-sentinel-from-args-9c2d";
const STANDALONE = "pxe-sentinel-standalone-3a7f";
const SENTINELS = [FROM_CONFIG, FROM_ARGS, STANDALONE];

const req = createRequire(__filename);
let regs: Registration[];
let host: Host;
let components: pulumi.ComponentResource[] = [];
const logged: string[] = [];

function pxeLab() {
  const doc = labDoc();
  doc.distributionPoints[0].pxe = { enabled: true, passwordSecret: "pxePassword" };
  // A stale waiver, so that something is logged too.
  doc.waivers = [{ rule: "DP-HW-MIN", object: "dp:win701.lab.local", reason: "stale" }];
  return doc;
}

const mentions = (text: string) => SENTINELS.filter((s) => text.includes(s));

/** A standalone DP without provisioning, for the secrets given with its arguments. */
const soloArgs = {
  provision: false,
  server: "solo2.lab.local",
  site: "P01",
  os: "windows-server-2022",
  edition: "standard",
  architecture: "x64",
  hardware: { cores: 4, memoryGB: 16 },
  boundaryGroups: ["Lab HQ"],
  pxe: { enabled: true, passwordSecret: "pxePassword" },
  configMgrVersion: "2403",
} as const;

beforeAll(async () => {
  for (const level of ["warn", "info", "error", "debug"] as const) {
    vi.spyOn(pulumi.log, level).mockImplementation(async (msg: string) => void logged.push(msg));
  }
  // Every secret is a stack-config secret: the program passes config.requireSecret(…), never a value of its own.
  regs = await setupMocks({
    config: { "proj:pxePassword": FROM_CONFIG, "proj:branchPxe": FROM_ARGS, "proj:soloPxe": STANDALONE },
    secretKeys: ["proj:pxePassword", "proj:branchPxe", "proj:soloPxe"],
  });
  const proj = new pulumi.Config("proj");
  const { Hierarchy, DistributionPoint } = await import("../../lib/index");
  const fromConfig = new Hierarchy("cfg", { provision: false, topology: pxeLab() });
  const fromArgs = new Hierarchy("args", { provision: false, topology: pxeLab(), secrets: { pxePassword: proj.requireSecret("branchPxe") } });
  const solo = new DistributionPoint("solo", {
    ...soloArgs,
    server: "solo.lab.local",
    pxe: { enabled: true, passwordSecret: "ignored-name" },
    pxePassword: proj.requireSecret("soloPxe"),
    configMgrVersion: "2012 SP1",
  });
  for (const h of [fromConfig, fromArgs]) {
    components.push(h, ...Object.values(h.primarySites), ...Object.values(h.boundaryGroups), ...Object.values(h.distributionPoints));
  }
  components.push(solo);
  await registered([...components, ...components.flatMap((c) => ("resource" in c ? [c.resource as pulumi.Resource] : [])), fromConfig.topology, fromArgs.topology]);
  host = await startHost();
});

afterAll(() => {
  host?.stop();
  cleanup();
});

describe("secrets", () => {
  it("stop the program, naming the argument and the config command, when a secret is a value of the program's own", async () => {
    const { Hierarchy, DistributionPoint } = await import("../../lib/index");
    const why = /is a secret given in the program, not in stack config: the Pulumi CLI masks only stack-config secrets.*pulumi config set --secret/;
    expect(() => new DistributionPoint("literal", { ...soloArgs, pxePassword: "typed-in-the-program" })).toThrow(why);
    expect(() => new DistributionPoint("literal", { ...soloArgs, pxePassword: "typed-in-the-program" })).toThrow(/DistributionPoint literal: pxePassword/);
    expect(() => new Hierarchy("literal", { provision: false, topology: pxeLab(), secrets: { pxePassword: "typed-in-the-program" } })).toThrow(/Hierarchy: secrets\["pxePassword"\]/);
    // A value known only when it resolves (pulumi.secret of a file's content) is refused then: that
    // fails the program, which test/pulumi/registration.test.ts runs as a real program.
    // The value of a stack-config secret read under another name is one the CLI masks: accepted.
    const same = new DistributionPoint("same", { ...soloArgs, server: "solo4.lab.local", pxePassword: pulumi.output(new pulumi.Config("proj").requireSecret("soloPxe")) });
    expect(await valueOf((same as unknown as { pxePassword: pulumi.Output<string> }).pxePassword)).toBe(STANDALONE);
  });

  it("reach the DP component as secret Outputs (for provisioning)", async () => {
    const [cfgDp, argsDp, solo] = components.filter((c) => c.constructor.name === "DistributionPoint") as unknown as { pxePassword: pulumi.Output<string> }[];
    for (const [dp, value] of [[cfgDp, FROM_CONFIG], [argsDp, FROM_ARGS], [solo, STANDALONE]] as const) {
      expect(await valueOf(dp.pxePassword)).toBe(value);
      expect(await isSecret(dp.pxePassword)).toBe(true);
    }
  });

  it("appear in no registered input and no serialised provider", () => {
    expect(regs.length).toBeGreaterThan(10);
    for (const r of regs) {
      expect(mentions(JSON.stringify(r.inputs)), `${r.type}::${r.name}`).toEqual([]);
      if (r.inputs.__provider !== undefined) expect(mentions(r.inputs.__provider)).toEqual([]);
    }
  });

  it("appear in no output that is not secret, and in no registered component output", async () => {
    for (const r of regs) expect(mentions(JSON.stringify(r.state)), `${r.type}::${r.name}`).toEqual([]);
    for (const c of components) {
      for (const [key, value] of Object.entries(c)) {
        if (!pulumi.Output.isInstance(value)) continue;
        const text = JSON.stringify((await valueOf(value)) ?? null);
        if (mentions(text).length > 0) expect(await isSecret(value), `${c.constructor.name}.${key}`).toBe(true);
      }
    }
    const monitor = req("@pulumi/pulumi/runtime/settings").getMonitor();
    expect(mentions(JSON.stringify([...monitor.resources.values()]))).toEqual([]);
  });

  it("appear in no CheckFailure, even of a violating DP, nor in any log line", async () => {
    for (const r of regs.filter((x) => x.type.startsWith(DYNAMIC_PREFIX))) {
      const kind = r.type.slice(DYNAMIC_PREFIX.length);
      // Windows 7 with PXE before 1806: PXE-CLIENT-OS fails, on the very field that names the secret.
      const result = await rpc(host, `urn:pulumi:dev::proj::${r.type}::${r.name}`).check(r.inputs);
      expect(mentions(JSON.stringify(result)), `${kind} ${r.name}`).toEqual([]);
      const local = await check((kind.charAt(0).toLowerCase() + kind.slice(1)) as Kind, {}, r.inputs);
      expect(mentions(JSON.stringify(local))).toEqual([]);
    }
    const dpFailures = (await rpc(host, "urn:x").check(regs.find((r) => r.name === "cfg-win701.lab.local" && r.custom)!.inputs)).failures;
    expect(dpFailures.map((f) => f.reason.slice(0, 16))).toContain("[PXE-CLIENT-OS] ");
    expect(logged.length).toBeGreaterThan(0);
    expect(mentions(logged.join("\n"))).toEqual([]);
    expect(mentions(host.stderr())).toEqual([]);
  });
});
