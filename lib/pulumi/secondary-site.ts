import * as pulumi from "@pulumi/pulumi";
import type { SecondarySiteDoc, TopologyInput } from "../topology/schema";
import { childOptions, dynamicProps, logOwnWarnings, type InputsOf, type WaiverArg } from "./component";
import type { SiteContext } from "./facts";
import { secondarySiteProvider } from "./providers";
import type { ProvisionArgs } from "./provisioning/options";
import { provisionSecondarySite, type SecondarySiteSteps } from "./provisioning/steps";

/** A secondary site as the topology document declares it (topology-format.md). */
export type SecondarySiteSettings = NonNullable<TopologyInput["secondarySites"]>[number];

export interface SecondarySiteArgs extends InputsOf<SecondarySiteSettings>, ProvisionArgs {
  /** The hierarchy's ConfigMgr version; version-dependent rules are skipped without it. */
  configMgrVersion?: pulumi.Input<string>;
  /** NetBIOS name of the site servers' domain. */
  domain?: pulumi.Input<string>;
  /** Accepted violations of this site's rules. */
  waivers?: pulumi.Input<pulumi.Input<WaiverArg>[]>;
  /** Facts about the rest of the hierarchy; a Hierarchy sets them. Rules that need them are skipped without. */
  context?: pulumi.Input<SiteContext>;
}

const COMPUTED = ["netbiosName", "settings"] as const;

/** The dynamic resource whose check enforces the site's rules. */
export class SecondarySiteState extends pulumi.dynamic.Resource {
  declare readonly siteCode: pulumi.Output<string>;
  declare readonly server: pulumi.Output<string>;
  declare readonly parent: pulumi.Output<string>;
  declare readonly netbiosName: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<SecondarySiteDoc>;

  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(secondarySiteProvider, name, props, opts, "configmgr", "SecondarySite");
  }
}

/** A secondary site under a primary. */
export class SecondarySite extends pulumi.ComponentResource {
  public readonly resource: SecondarySiteState;
  public readonly siteCode: pulumi.Output<string>;
  public readonly parentSiteCode: pulumi.Output<string>;
  public readonly serverFqdn: pulumi.Output<string>;
  public readonly netbiosName: pulumi.Output<string>;
  /** The declaration, normalised. */
  public readonly settings: pulumi.Output<SecondarySiteDoc>;
  protected readonly declared: Omit<SecondarySiteArgs, "provision" | "provisioning">;
  /** The remote step: `install` on the parent primary's server (none with provision: false). */
  public readonly steps: SecondarySiteSteps = {};
  private readonly provisionArgs: ProvisionArgs & { readonly name: string };

  constructor(name: string, args: SecondarySiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super("configmgr:index:SecondarySite", name, {}, opts);
    const { provision, provisioning, ...declared } = args;
    this.declared = declared;
    this.provisionArgs = { name, provision, provisioning };
    this.resource = new SecondarySiteState(name, dynamicProps({ ...declared }, COMPUTED), childOptions(this, opts));
    this.siteCode = this.resource.siteCode;
    this.parentSiteCode = this.resource.parent;
    this.serverFqdn = this.resource.server;
    this.netbiosName = this.resource.netbiosName;
    this.settings = this.resource.settings;
    if (args.context === undefined) logOwnWarnings("secondarySite", dynamicProps({ ...declared }, []), this);
    this.provision();
    this.registerOutputs({
      siteCode: this.siteCode,
      parentSiteCode: this.parentSiteCode,
      serverFqdn: this.serverFqdn,
      netbiosName: this.netbiosName,
    });
  }

  /**
   * Where provisioning steps go (installing the secondary from its parent). Called at the end of
   * the constructor; create them with `{ parent: this, dependsOn: [this.resource] }`.
   */
  protected provision(): void {
    const { name, ...args } = this.provisionArgs;
    Object.assign(this.steps, provisionSecondarySite({ name, parent: this, check: this.resource, declared: { ...this.declared }, args }));
  }
}
