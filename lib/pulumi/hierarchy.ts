import * as pulumi from "@pulumi/pulumi";
import { formatDiagnostic, validateDocument, type Validation } from "../rules/engine";
import type { Diagnostic, Summary } from "../rules/types";
import { loadTopologyObject, readTopologyFile, type LoadedDocument } from "../topology/load";
import type { DpNode, TopologyModel } from "../topology/model";
import type { TopologyDoc } from "../topology/schema";
import { BoundaryGroup } from "./boundary-group";
import { DistributionPoint } from "./distribution-point";
import { hierarchyInputs, waiverKey } from "./facts";
import { PrimarySite } from "./primary-site";
import { HierarchyProvisioning } from "./provisioning/hierarchy";
import type { ProvisionArgs } from "./provisioning/options";
import { unprovisionableVersion } from "./provisioning/steps";
import { groupName, dpName, legacyAlias, legacyUrn, siteName, TYPES } from "./identity";
import { scriptBehaviour } from "./script-behaviour";
import { SecondarySite } from "./secondary-site";
import { stackSecret } from "./stack-secret";
import { TopologyCheck } from "./topology-check";

export interface HierarchyArgs extends ProvisionArgs {
  /** The topology document: an object in the topology format, or the path of a YAML or JSON file. */
  topology: string | object;
  /**
   * Values of the secrets the document names (`pxe.passwordSecret`), by name. A name not given
   * here is read from Pulumi config as a secret (`pulumi config set --secret <name> …`;
   * `ns:name` reads another namespace). A value given here must be a stack-config secret's value
   * (`config.requireSecret(…)`): the CLI masks only those in the text it prints (a failing step's
   * error, --debug output), so any other value stops the program (stack-secret.ts).
   */
  secrets?: Record<string, pulumi.Input<string>>;
}

/**
 * A whole ConfigMgr hierarchy from one topology document: a Topology resource whose check lists
 * every violation of the document, and under it the sites, boundary groups and distribution
 * points, each with its own checked state, parented and ordered as they must be provisioned.
 */
export class Hierarchy extends pulumi.ComponentResource {
  /** The topology-level check; every other resource of the hierarchy depends on it. */
  public readonly topology: TopologyCheck;
  /** By site code. */
  public readonly primarySites: Readonly<Record<string, PrimarySite>>;
  /** By site code. */
  public readonly secondarySites: Readonly<Record<string, SecondarySite>>;
  /** By server FQDN (lower case). */
  public readonly distributionPoints: Readonly<Record<string, DistributionPoint>>;
  /** By name as declared. */
  public readonly boundaryGroups: Readonly<Record<string, BoundaryGroup>>;
  /** The document, parsed and normalised. */
  public readonly document: TopologyDoc;
  /** What the rules found at program time (the Topology check finds the same). */
  public readonly diagnostics: readonly Diagnostic[];
  public readonly summary: Summary;

  constructor(name: string, args: HierarchyArgs, opts?: pulumi.ComponentResourceOptions) {
    const { validation, model } = loadAndValidate(args.topology);
    // Before anything is registered: a missing configmgr:user stops the program here.
    const plan = new HierarchyProvisioning(`Hierarchy ${name}`, model, args);
    const refusal = plan.enabled ? unprovisionableVersion(model.doc.configMgrVersion) : undefined;
    if (refusal !== undefined) throw new pulumi.RunError(`Hierarchy ${name}: [provisioning] hierarchy: ${refusal}`);
    if (plan.adoptOnly) {
      const prepared = model.dps.filter((dp) => dp.doc.prepareHost !== false).map((dp) => dp.server);
      if (prepared.length > 0) {
        throw new pulumi.RunError(
          `Hierarchy ${name}: [provisioning] adopt only (provisioning.adoptOnly / configmgr:adoptOnly): ${prepared.map((s) => `dp:${s}`).join(", ")} ` +
            "would have its host prepared, which changes it. Fix: an existing DP's host is already prepared — set prepareHost: false with hostHas (as pulumi-configmgr export writes), or turn adoptOnly off.",
        );
      }
    }
    super("configmgr:index:Hierarchy", name, {}, opts);
    this.document = model.doc;
    this.diagnostics = validation.diagnostics;
    this.summary = validation.summary;

    const topology = new TopologyCheck(`${name}-topology`, model.doc, { parent: this }, plan.enabled ? scriptBehaviour() : undefined);
    this.topology = topology;
    const inputs = hierarchyInputs(model);
    const byRef = new Map<string, pulumi.Resource>();
    // Lookups by name are prototype-free: a group named "__proto__" or a DP on a server named
    // "constructor" is an entry like any other (a plain object would hide or drop it).
    const primaries = record<PrimarySite>();
    const primaryByCode = new Map<string, PrimarySite>();
    model.primaries.forEach((site, i) => {
      const code = site.code.toUpperCase();
      if (primaryByCode.has(code) || byRef.has(site.ref)) return; // duplicate code: SITECODE-UNIQUE reports it
      const c = new PrimarySite(
        siteName(name, code),
        { ...inputs.primaries[i], ...plan.primary(topology) },
        { parent: this, dependsOn: [topology], aliases: legacyAlias(siteName(name, code), `${name}-${site.code}`, undefined) },
      );
      primaries[site.code] = c;
      primaryByCode.set(code, c);
      byRef.set(site.ref, c);
    });

    const secondaries = record<SecondarySite>();
    const secondaryByCode = new Map<string, SecondarySite>();
    // Where each site component was before 0.2 (a DP's old parent).
    const legacySite = new Map<string, pulumi.Resource | pulumi.Output<string>>();
    for (const [code, c] of primaryByCode) legacySite.set(code, c);
    model.secondaries.forEach((site, i) => {
      const code = site.code.toUpperCase();
      if (byRef.has(site.ref) || secondaryByCode.has(code) || primaryByCode.has(code)) return;
      const parent = site.parent === undefined ? undefined : primaryByCode.get(site.parent.toUpperCase());
      const oldName = `${name}-${site.code}`;
      const c = new SecondarySite(
        siteName(name, code),
        { ...inputs.secondaries[i], ...plan.secondary(site, topology, primaries) },
        {
          parent: this,
          dependsOn: parent ? [topology, parent.resource] : [topology],
          aliases: legacyAlias(siteName(name, code), oldName, parent),
        },
      );
      secondaries[site.code] = c;
      secondaryByCode.set(code, c);
      legacySite.set(code, parent ? legacyUrn(oldName, TYPES.secondary, parent) : c);
      byRef.set(site.ref, c);
    });
    const siteOf = (code: string | undefined) =>
      code === undefined ? undefined : (primaryByCode.get(code.toUpperCase()) ?? secondaryByCode.get(code.toUpperCase()));

    const groups = record<BoundaryGroup>();
    const groupByKey = new Map<string, BoundaryGroup>();
    model.groups.forEach((g, i) => {
      if (groupByKey.has(g.key)) return; // NAME-UNIQUE reports it
      const assigned = siteOf(g.doc.assignedSite);
      const c = new BoundaryGroup(
        groupName(name, g.name),
        { ...inputs.groups[i], ...plan.group(g, topology, primaries, secondaries) },
        {
          parent: this,
          dependsOn: assigned ? [topology, assigned.resource] : [topology],
          aliases: legacyAlias(groupName(name, g.name), `${name}-${g.name}`, undefined),
        },
      );
      groups[g.name] = c;
      groupByKey.set(g.key, c);
      byRef.set(waiverKey(g.ref), c);
    });

    const secrets = secretReader(args.secrets);
    const dps = record<DistributionPoint>();
    const dpByServer = new Map<string, DistributionPoint>();
    const index = new Map<DpNode, number>(model.dps.map((dp, i) => [dp, i]));
    for (const dp of sourcesFirst(model)) {
      const server = dp.server.toLowerCase();
      if (dpByServer.has(server)) continue; // NAME-UNIQUE reports it
      const i = index.get(dp)!;
      const site = dp.site ? siteOf(dp.site.code) : undefined;
      const dependsOn: pulumi.Resource[] = [topology];
      if (site) dependsOn.push(site.resource);
      for (const g of dp.groups) dependsOn.push(groupByKey.get(g.key)!.resource);
      for (const s of dp.doc.pull?.sources ?? []) {
        const source = dpByServer.get(s.server.toLowerCase());
        if (source) dependsOn.push(source.resource);
      }
      const passwordSecret = dp.doc.pxe?.passwordSecret;
      const oldParent = dp.site ? legacySite.get(dp.site.code.toUpperCase()) : undefined;
      const c = new DistributionPoint(
        dpName(name, server),
        {
          ...inputs.dps[i],
          ...(passwordSecret !== undefined ? { pxePassword: secrets(passwordSecret) } : {}),
          ...plan.dp(dp, topology, primaries, secondaries, groupByKey, dps),
        },
        { parent: this, dependsOn, aliases: legacyAlias(dpName(name, server), `${name}-${dp.server}`, oldParent) },
      );
      dps[dp.server] = c;
      dpByServer.set(server, c);
      byRef.set(dp.ref, c);
    }

    this.primarySites = forgiving(primaries);
    this.secondarySites = forgiving(secondaries);
    this.boundaryGroups = forgiving(groups);
    this.distributionPoints = forgiving(dps);

    for (const d of validation.diagnostics) {
      const on = byRef.get(waiverKey(d.object)) ?? this;
      if (d.waived) pulumi.log.info(formatDiagnostic(d), on);
      else if (d.severity === "warning") pulumi.log.warn(formatDiagnostic(d), on);
    }
    this.registerOutputs({ summary: this.summary });
  }
}

/** A record without a prototype: every name the document allows is an own key, none is inherited. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Lookups as forgiving as the document (issue 10): names and FQDNs are case-insensitive there,
 * site codes are upper-cased, so `boundaryGroups["hq"]` finds "HQ" and `primarySites["p01"]`
 * finds P01. Keys and enumeration stay the names as declared; an inherited name (`toString`)
 * still finds nothing.
 */
function forgiving<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  const byFolded = new Map(Object.keys(entries).map((k) => [k.toLowerCase(), entries[k]]));
  return new Proxy(entries, {
    get: (target, key) => (typeof key !== "string" || Object.hasOwn(target, key) ? Reflect.get(target, key) : byFolded.get(key.toLowerCase())),
    has: (target, key) => (typeof key !== "string" || Object.hasOwn(target, key) ? Reflect.has(target, key) : byFolded.has(key.toLowerCase())),
    set: () => false,
    deleteProperty: () => false,
  });
}

/** Reads the document; a document that cannot be read or has not the format's shape stops the program. */
function loadAndValidate(topology: string | object): { validation: Validation; model: TopologyModel } {
  let loaded: LoadedDocument;
  if (typeof topology === "string") loaded = readTopologyFile(topology);
  else if (topology !== null && typeof topology === "object") loaded = loadTopologyObject(topology);
  else throw new pulumi.RunError("Hierarchy: `topology` must be a topology document object or the path of a YAML/JSON file.");
  const validation = validateDocument(loaded);
  if (loaded.error) throw new pulumi.RunError(`Cannot read the topology: ${loaded.error.message}`);
  if (!validation.model) {
    const where = loaded.file ?? "the topology document";
    const lines = validation.diagnostics.map((d) => {
      const at = d.file !== undefined ? `${d.file}${d.line !== undefined ? `:${d.line}:${d.column}` : ""}: ` : d.path ? `${d.path}: ` : "";
      return `  ${at}${formatDiagnostic(d)}`;
    });
    throw new pulumi.RunError(
      `${where} does not have the shape of the topology format (${validation.diagnostics.length} problem${validation.diagnostics.length === 1 ? "" : "s"}); nothing to build:\n${lines.join("\n")}`,
    );
  }
  return { validation, model: validation.model };
}

/** Secret values by name: given ones first, then Pulumi config (as secrets). */
function secretReader(given: Record<string, pulumi.Input<string>> | undefined): (name: string) => pulumi.Output<string> {
  const cache = new Map<string, pulumi.Output<string>>();
  return (name) => {
    let value = cache.get(name);
    if (!value) {
      if (given && Object.prototype.hasOwnProperty.call(given, name)) value = stackSecret(`Hierarchy: secrets["${name}"]`, given[name]);
      else {
        const sep = name.indexOf(":");
        value = sep > 0 ? new pulumi.Config(name.slice(0, sep)).requireSecret(name.slice(sep + 1)) : new pulumi.Config().requireSecret(name);
      }
      cache.set(name, value);
    }
    return value;
  };
}

/**
 * The DPs ordered so that every pull DP comes after its sources (iterative DFS, linear); a
 * source on a cycle (PULLDP-CYCLE) is simply not waited for, so the program never deadlocks.
 */
function sourcesFirst(model: TopologyModel): DpNode[] {
  const order: DpNode[] = [];
  const state = new Map<DpNode, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const root of model.dps) {
    if (state.has(root)) continue;
    const stack: { dp: DpNode; next: number }[] = [{ dp: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const sources = top.dp.doc.pull?.sources ?? [];
      if (top.next < sources.length) {
        const src = model.dpByServer.get(sources[top.next++].server);
        if (src && !state.has(src)) {
          state.set(src, 1);
          stack.push({ dp: src, next: 0 });
        }
      } else {
        state.set(top.dp, 2);
        order.push(top.dp);
        stack.pop();
      }
    }
  }
  return order;
}
