import type * as pulumi from "@pulumi/pulumi";
import type { DpNode, GroupNode, SiteNode, TopologyModel } from "../../topology/model";
import {
  resolveProvisioning,
  type BoundaryGroupProvisioning,
  type DistributionPointProvisioning,
  type ProvisionArgs,
  type ProvisioningOptions,
  type SmsProviderArg,
} from "./options";
import type { BoundaryGroupSteps, DistributionPointSteps, PrimarySiteSteps, SecondarySiteSteps } from "./steps";

/**
 * The provisioning arguments a Hierarchy gives each component: where its site-server steps run
 * and which other steps they wait for, so that the remote steps form one graph:
 *
 *   topology check → every step
 *   primary verify → secondary install (its children) → …
 *   site step (verify / install) → boundary-group step (assigned site; the primary it runs on)
 *   site step + boundary-group steps + pull sources' role steps + own prepare → DP role
 *
 * Destroy runs it backwards: DP roles (removed and uninstalled) before their hosts' admin grant is
 * revoked and before their groups and sites go. An object whose site does not resolve gets no step:
 * the topology check fails for that document, so nothing would run anyway.
 */

interface WithSteps<S> {
  readonly steps: S;
}
type Components<S> = Readonly<Record<string, WithSteps<S>>>;

export class HierarchyProvisioning {
  /** false with provision: false (a validation-only stack). */
  readonly enabled: boolean;
  /** provisioning.adoptOnly / configmgr:adoptOnly. */
  readonly adoptOnly: boolean;
  private readonly base: ProvisioningOptions;

  /** Resolves the settings once, so a missing configmgr:user stops the program before anything is registered. */
  constructor(
    what: string,
    private readonly model: TopologyModel,
    args: ProvisionArgs,
  ) {
    const resolved = resolveProvisioning(what, args);
    this.enabled = resolved !== undefined;
    this.adoptOnly = resolved?.adoptOnly === true;
    const { smsProvider: _ignored, ...base } = args.provisioning ?? {};
    this.base = base;
  }

  private args<P extends ProvisioningOptions>(topology: pulumi.Resource, extra: Omit<P, "dependsOn"> & { dependsOn?: (pulumi.Resource | undefined)[] }): ProvisionArgs<P> {
    if (!this.enabled) return { provision: false };
    const dependsOn = [topology, ...(this.base.dependsOn ?? []), ...(extra.dependsOn ?? [])].filter((r): r is pulumi.Resource => r !== undefined);
    return { provisioning: { ...this.base, ...extra, dependsOn } as unknown as P };
  }

  private off(): ProvisionArgs {
    return { provision: false };
  }

  /** The primary whose SMS Provider manages a site's objects: itself, or a secondary's parent. */
  private providerOf(site: SiteNode | undefined): SiteNode | undefined {
    if (!site) return undefined;
    if (site.kind === "primary") return site;
    if (site.kind === "secondary" && site.parent !== undefined) {
      const parent = this.model.siteByCode.get(site.parent);
      return parent?.kind === "primary" ? parent : undefined;
    }
    return undefined;
  }

  private siteStep(
    site: SiteNode | undefined,
    primaries: Components<PrimarySiteSteps>,
    secondaries: Components<SecondarySiteSteps>,
  ): pulumi.Resource | undefined {
    if (!site) return undefined;
    if (site.kind === "primary") return primaries[site.code]?.steps.verify;
    if (site.kind === "secondary") return secondaries[site.code]?.steps.install;
    return undefined;
  }

  primary(topology: pulumi.Resource): ProvisionArgs {
    return this.args(topology, {});
  }

  secondary(site: SiteNode, topology: pulumi.Resource, primaries: Components<PrimarySiteSteps>): ProvisionArgs {
    const parent = this.providerOf(site);
    if (!parent) return this.off();
    return this.args(topology, { smsProvider: provider(parent), dependsOn: [primaries[parent.code]?.steps.verify] });
  }

  /** On the CAS when there is one, else on the assigned site's primary, else on the first primary. */
  group(
    g: GroupNode,
    topology: pulumi.Resource,
    primaries: Components<PrimarySiteSteps>,
    secondaries: Components<SecondarySiteSteps>,
  ): ProvisionArgs<BoundaryGroupProvisioning> {
    const assigned = g.doc.assignedSite === undefined ? undefined : this.model.siteByCode.get(g.doc.assignedSite);
    const host = this.model.cas ?? this.providerOf(assigned) ?? this.model.primaries[0];
    if (!host) return this.off();
    const systems = [...new Set(g.dps.map((dp) => dp.server))];
    return this.args<BoundaryGroupProvisioning>(topology, {
      smsProvider: provider(host),
      siteSystems: systems,
      dependsOn: [this.siteStep(host, primaries, secondaries), this.siteStep(assigned, primaries, secondaries)],
    });
  }

  dp(
    dp: DpNode,
    topology: pulumi.Resource,
    primaries: Components<PrimarySiteSteps>,
    secondaries: Components<SecondarySiteSteps>,
    groups: ReadonlyMap<string, WithSteps<BoundaryGroupSteps>>,
    dps: Components<DistributionPointSteps>,
  ): ProvisionArgs<DistributionPointProvisioning> {
    const host = this.providerOf(dp.site);
    if (!dp.site || !host) return this.off();
    const defined = (list: (pulumi.Resource | undefined)[]) => list.filter((r): r is pulumi.Resource => r !== undefined);
    const roleDependsOn = defined([
      this.siteStep(dp.site, primaries, secondaries),
      ...dp.groups.map((g) => groups.get(g.key)?.steps.boundaryGroup),
      ...(dp.doc.pull?.sources ?? []).map((s) => dps[s.server]?.steps.role),
    ]);
    return this.args<DistributionPointProvisioning>(topology, {
      smsProvider: provider(host),
      boundaryGroups: dp.groups.map((g) => g.name),
      roleDependsOn,
      // A secondary's reinstall takes its DPs with it: their roles go first.
      roleReplacedWith: dp.site.kind === "secondary" ? defined([secondaries[dp.site.code]?.steps.install]) : [],
      // The primary's verify is the first logon with the account; the DP hosts wait for it.
      prepareDependsOn: defined([primaries[host.code]?.steps.verify]),
    });
  }
}

const provider = (site: SiteNode): SmsProviderArg => ({ siteCode: site.code, server: site.server });
