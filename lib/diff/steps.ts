import { groupKey, type DpNode, type SiteNode, type TopologyModel } from "../topology/model";

/**
 * The remote steps `pulumi up` runs for a hierarchy, as plain data: which step, on which host,
 * after which others, and what its script and its replacement triggers read. It mirrors the
 * Pulumi layer's planning (lib/pulumi/provisioning/hierarchy.ts chooses hosts and dependencies,
 * steps.ts the steps, their triggers and their scripts' inputs); that code builds Pulumi
 * resources and cannot run without @pulumi/pulumi, so the description lives here, pure, and
 * test/diff checks it against the command graph the Hierarchy registers under mocks.
 */

export type StepKind = "verify" | "install" | "boundary-group" | "prepare" | "role";

export interface PlannedStep {
  /** Stable id: `<object ref>#<step>`. */
  readonly id: string;
  /**
   * As the Pulumi layer names steps, from normalised identity (lib/pulumi/identity.ts): `P01-verify`,
   * `lab hq-boundary-group`, `win701.lab.local-role`.
   */
  readonly name: string;
  readonly kind: StepKind;
  readonly object: string;
  /** FQDN of the host the step runs on (over SSH). */
  readonly host: string;
  /** Ids of the steps it waits for. */
  readonly after: readonly string[];
  /** Whether delete does anything (a primary's verify has no delete). */
  readonly deletes: boolean;
  /** What the step's script is generated from: a change means the step runs its update. */
  readonly scriptKey: string;
  /** The step's replacement triggers: a change means delete + create. */
  readonly triggerKey: string;
}

const key = (v: unknown) => JSON.stringify(v);
const id = (ref: string, kind: StepKind) => `${ref}#${kind}`;

/** The primary whose SMS Provider manages a site's objects: itself, or a secondary's parent. */
function providerOf(model: TopologyModel, site: SiteNode | undefined): SiteNode | undefined {
  if (!site) return undefined;
  if (site.kind === "primary") return site;
  if (site.kind === "secondary" && site.parent !== undefined) {
    const parent = model.siteByCode.get(site.parent);
    return parent?.kind === "primary" ? parent : undefined;
  }
  return undefined;
}

/** The step that makes a site exist: a primary's verify, a secondary's install (the CAS has none). */
function siteStep(site: SiteNode | undefined): string | undefined {
  if (!site) return undefined;
  if (site.kind === "primary") return id(site.ref, "verify");
  if (site.kind === "secondary") return id(site.ref, "install");
  return undefined;
}

/** Every remote step of the hierarchy, in an order that respects `after` (sources before the DPs that pull from them). */
export function plannedSteps(model: TopologyModel): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const version = model.doc.configMgrVersion;
  const seen = new Set<string>();
  const push = (s: PlannedStep) => {
    if (seen.has(s.id)) return; // duplicates: the Hierarchy keeps the first (NAME-UNIQUE / SITECODE-UNIQUE report them)
    seen.add(s.id);
    steps.push(s);
  };
  model.primaries.forEach((site) =>
    push({
      id: id(site.ref, "verify"),
      name: `${site.code.toUpperCase()}-verify`,
      kind: "verify",
      object: site.ref,
      host: site.server,
      after: [],
      deletes: false,
      scriptKey: key([version, site.code, site.server]),
      triggerKey: key([site.code, site.server]),
    }),
  );
  model.secondaries.forEach((site, i) => {
    const parent = providerOf(model, site);
    if (!parent) return;
    push({
      id: id(site.ref, "install"),
      name: `${site.code.toUpperCase()}-install`,
      kind: "install",
      object: site.ref,
      host: parent.server,
      after: [id(parent.ref, "verify")],
      deletes: true,
      scriptKey: key([version, site.parent, site.code, model.doc.secondarySites[i].name ?? site.code, site.server, parent.server]),
      triggerKey: key([site.code, site.server]),
    });
  });
  for (const g of model.groups) {
    const assigned = g.doc.assignedSite === undefined ? undefined : model.siteByCode.get(g.doc.assignedSite);
    const host = model.cas ?? providerOf(model, assigned) ?? model.primaries[0];
    if (!host) continue;
    const systems = [...new Set(g.dps.map((dp) => dp.server))];
    push({
      id: id(g.ref, "boundary-group"),
      name: `${groupKey(g.name)}-boundary-group`,
      kind: "boundary-group",
      object: g.ref,
      host: host.server,
      after: [siteStep(host), siteStep(assigned)].filter((s): s is string => s !== undefined),
      deletes: true,
      scriptKey: key([version, host.code, host.server, g.doc.name, g.doc.description, g.doc.assignedSite, g.doc.boundaries, systems]),
      triggerKey: key([g.key]),
    });
  }
  for (const dp of sourcesFirst(model)) {
    const host = providerOf(model, dp.site);
    if (!dp.site || !host) continue;
    const triggerKey = key([dp.server, dp.site.code]);
    const prepare = dp.doc.prepareHost !== false;
    if (prepare) {
      push({
        id: id(dp.ref, "prepare"),
        name: `${dp.server.toLowerCase()}-prepare`,
        kind: "prepare",
        object: dp.ref,
        host: dp.server,
        // The primary's verify is the first logon with the account; the DP hosts wait for it (the dial policy).
        after: [id(host.ref, "verify")],
        deletes: true,
        scriptKey: key([dp.doc.os, model.doc.domain, dp.site.server, dp.server, dp.doc.prepareHost]),
        triggerKey,
      });
    }
    push({
      id: id(dp.ref, "role"),
      name: `${dp.server.toLowerCase()}-role`,
      kind: "role",
      object: dp.ref,
      host: host.server,
      after: [
        ...(prepare ? [id(dp.ref, "prepare")] : []),
        ...[siteStep(dp.site)].filter((s): s is string => s !== undefined),
        ...dp.groups.map((g) => id(g.ref, "boundary-group")),
        ...(dp.doc.pull?.sources ?? []).filter((s) => model.dpByServer.has(s.server)).map((s) => id(`dp:${s.server}`, "role")),
      ],
      deletes: true,
      scriptKey: key([version, host.code, host.server, dp.doc, dp.groups.map((g) => g.name)]),
      triggerKey,
    });
  }
  return steps;
}

/** DPs with their pull sources first (a cycle is PULLDP-CYCLE's: its members keep document order). */
function sourcesFirst(model: TopologyModel): DpNode[] {
  const out: DpNode[] = [];
  const state = new Map<DpNode, "visiting" | "done">();
  const visit = (dp: DpNode) => {
    if (state.has(dp)) return;
    state.set(dp, "visiting");
    for (const s of dp.doc.pull?.sources ?? []) {
      const source = model.dpByServer.get(s.server);
      if (source) visit(source);
    }
    state.set(dp, "done");
    out.push(dp);
  };
  model.dps.forEach(visit);
  return out;
}

export type StepAction = "create" | "update" | "replace" | "delete";

export interface StepRun {
  readonly step: PlannedStep;
  readonly action: StepAction;
}

/**
 * What `pulumi up` would run to go from base to head, in order: creates, replacements and
 * updates in dependency order (a replacement deletes the old step first), then deletes in
 * reverse dependency order — Pulumi removes what is gone after it has created what is new.
 */
export function stepRuns(base: TopologyModel, head: TopologyModel): StepRun[] {
  const before = new Map(plannedSteps(base).map((s) => [s.id, s]));
  const after = plannedSteps(head);
  const runs: StepRun[] = [];
  const afterIds = new Set(after.map((s) => s.id));
  for (const s of after) {
    const old = before.get(s.id);
    if (!old) runs.push({ step: s, action: "create" });
    else if (old.triggerKey !== s.triggerKey) runs.push({ step: s, action: "replace" });
    else if (old.scriptKey !== s.scriptKey) runs.push({ step: s, action: "update" });
  }
  const gone = [...before.values()].filter((s) => !afterIds.has(s.id) && s.deletes);
  for (const s of gone.reverse()) runs.push({ step: s, action: "delete" });
  return runs;
}
