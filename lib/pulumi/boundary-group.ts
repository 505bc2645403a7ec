import * as pulumi from "@pulumi/pulumi";
import type { BoundaryGroupDoc, TopologyInput } from "../topology/schema";
import { childOptions, dynamicProps, logOwnWarnings, type InputsOf, type WaiverArg } from "./component";
import type { BgContext } from "./facts";
import { boundaryGroupProvider } from "./providers";
import type { BoundaryGroupProvisioning, ProvisionArgs } from "./provisioning/options";
import { provisionBoundaryGroup, type BoundaryGroupSteps } from "./provisioning/steps";

/** A boundary group as the topology document declares it (topology-format.md). */
export type BoundaryGroupSettings = NonNullable<TopologyInput["boundaryGroups"]>[number];

export interface BoundaryGroupArgs extends InputsOf<BoundaryGroupSettings>, ProvisionArgs<BoundaryGroupProvisioning> {
  /** The hierarchy's ConfigMgr version; version-dependent rules are skipped without it. */
  configMgrVersion?: pulumi.Input<string>;
  /** NetBIOS name of the site servers' domain. */
  domain?: pulumi.Input<string>;
  /** Accepted violations of this group's rules. */
  waivers?: pulumi.Input<pulumi.Input<WaiverArg>[]>;
  /** Facts about the rest of the hierarchy; a Hierarchy sets them. Rules that need them are skipped without. */
  context?: pulumi.Input<BgContext>;
}

const COMPUTED = ["settings"] as const;

/** The dynamic resource whose check enforces the group's rules. */
export class BoundaryGroupState extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly assignedSite: pulumi.Output<string | undefined>;
  declare readonly settings: pulumi.Output<BoundaryGroupDoc>;

  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(boundaryGroupProvider, name, props, opts, "configmgr", "BoundaryGroup");
  }
}

/** A boundary group: its boundaries, its assigned site, the DPs that serve it. */
export class BoundaryGroup extends pulumi.ComponentResource {
  public readonly resource: BoundaryGroupState;
  public readonly groupName: pulumi.Output<string>;
  public readonly assignedSite: pulumi.Output<string | undefined>;
  /** The declaration, normalised. */
  public readonly settings: pulumi.Output<BoundaryGroupDoc>;
  protected readonly declared: Omit<BoundaryGroupArgs, "provision" | "provisioning">;
  /** The remote step: `boundaryGroup` on a CAS or primary site server (none with provision: false). */
  public readonly steps: BoundaryGroupSteps = {};
  private readonly provisionArgs: ProvisionArgs<BoundaryGroupProvisioning> & { readonly name: string };

  constructor(name: string, args: BoundaryGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super("configmgr:index:BoundaryGroup", name, {}, opts);
    const { provision, provisioning, ...declared } = args;
    this.declared = declared;
    this.provisionArgs = { name, provision, provisioning };
    this.resource = new BoundaryGroupState(name, dynamicProps({ ...declared }, COMPUTED), childOptions(this, opts));
    this.groupName = this.resource.name;
    this.assignedSite = this.resource.assignedSite;
    this.settings = this.resource.settings;
    if (args.context === undefined) logOwnWarnings("boundaryGroup", dynamicProps({ ...declared }, []), this);
    this.provision();
    this.registerOutputs({ groupName: this.groupName, assignedSite: this.assignedSite });
  }

  /**
   * Where provisioning steps go (the group, its boundaries and site systems on a site server).
   * Called at the end of the constructor; create them with `{ parent: this, dependsOn: [this.resource] }`.
   */
  protected provision(): void {
    const { name, ...args } = this.provisionArgs;
    Object.assign(this.steps, provisionBoundaryGroup({ name, parent: this, check: this.resource, declared: { ...this.declared }, args }));
  }
}
