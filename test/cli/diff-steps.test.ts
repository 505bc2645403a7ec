import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { plannedSteps } from "../../lib/diff/steps";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";
import { multiSiteDoc } from "../pulumi/corpus";
import { registered, setupMocks, unwrapSecrets, type Registration } from "../pulumi/mocks";

/**
 * diff's description of the remote steps (lib/diff/steps.ts, pure) against what the Hierarchy
 * really registers under Pulumi's mocks: the same commands, on the same hosts, and the same
 * "runs after" relation (transitively, through whatever resources lie between).
 */

const COMMAND = "command:remote:Command";
type Lib = typeof import("../../lib/index");
let lib: Lib;
let regs: Registration[];

beforeAll(async () => {
  vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
  vi.spyOn(pulumi.log, "info").mockImplementation(async () => {});
  regs = await setupMocks({ config: { "configmgr:user": "LAB\\pulumi", "configmgr:password": "pw" }, secretKeys: ["configmgr:password"] });
  lib = await import("../../lib/index");
});
afterAll(() => vi.restoreAllMocks());

async function registeredCommands(name: string, doc: object) {
  const h = new lib.Hierarchy(name, { topology: doc });
  const all = [...Object.values(h.primarySites), ...Object.values(h.secondarySites), ...Object.values(h.boundaryGroups), ...Object.values(h.distributionPoints)];
  const steps = all.flatMap((c) => Object.values(c.steps as Record<string, pulumi.Resource | undefined>)).filter((s): s is pulumi.Resource => s !== undefined);
  await registered([h, h.topology, ...all, ...all.map((c) => c.resource), ...steps]);
  const mine = regs.filter((r) => r.name.startsWith(`${name}-`));
  const byUrn = new Map(mine.map((r) => [r.urn, r]));
  const commands = mine.filter((r) => r.type === COMMAND);
  /** Commands a command waits for, through any resources. */
  const waitsFor = (r: Registration): Set<string> => {
    const out = new Set<string>();
    const seen = new Set<string>();
    const stack = [...r.dependencies];
    while (stack.length > 0) {
      const urn = stack.pop()!;
      if (seen.has(urn)) continue;
      seen.add(urn);
      const dep = byUrn.get(urn);
      if (!dep) continue;
      if (dep.type === COMMAND) out.add(dep.name);
      stack.push(...dep.dependencies);
    }
    return out;
  };
  return new Map(commands.map((r) => [r.name, { host: unwrapSecrets(r.inputs.connection).host as string, waitsFor: waitsFor(r) }]));
}

function closure(steps: ReturnType<typeof plannedSteps>, prefix: string): Map<string, { host: string; waitsFor: Set<string> }> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const out = new Map<string, { host: string; waitsFor: Set<string> }>();
  for (const s of steps) {
    const seen = new Set<string>();
    const stack = [...s.after];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(byId.get(id)?.after ?? []));
    }
    out.set(`${prefix}-${s.name}`, { host: s.host, waitsFor: new Set([...seen].map((id) => `${prefix}-${byId.get(id)!.name}`)) });
  }
  return out;
}

describe("diff's remote steps are the Hierarchy's", () => {
  it.each([
    ["the lab", "lab", () => labDoc()],
    ["a CAS with two primaries, secondaries and pull DPs", "multi", () => multiSiteDoc()],
  ])("%s: same commands, hosts and order", async (_name, prefix, doc) => {
    const model = validateDocument(loadTopologyObject(doc())).model!;
    const described = closure(plannedSteps(model), prefix);
    const real = await registeredCommands(prefix, doc());
    expect(real.size).toBeGreaterThanOrEqual(prefix === "lab" ? 4 : 15);
    expect([...described.keys()].sort()).toEqual([...real.keys()].sort());
    for (const [name, step] of described) {
      expect({ name, host: step.host }).toEqual({ name, host: real.get(name)!.host });
      expect({ name, waitsFor: [...step.waitsFor].sort() }).toEqual({ name, waitsFor: [...real.get(name)!.waitsFor].sort() });
    }
  });
});
