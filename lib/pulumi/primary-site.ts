import * as pulumi from "@pulumi/pulumi";
import type { PrimarySiteDoc, TopologyInput } from "../topology/schema";
import { childOptions, dynamicProps, logOwnWarnings, type InputsOf, type WaiverArg } from "./component";
import type { SiteContext } from "./facts";
import { primarySiteProvider } from "./providers";
import type { ProvisionArgs } from "./provisioning/options";
import { provisionPrimarySite, type PrimarySiteSteps } from "./provisioning/steps";

/** A primary site as the topology document declares it (topology-format.md). */
export type PrimarySiteSettings = TopologyInput["primarySites"][number];

export interface PrimarySiteArgs extends InputsOf<PrimarySiteSettings>, ProvisionArgs {
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
export class PrimarySiteState extends pulumi.dynamic.Resource {
  declare readonly siteCode: pulumi.Output<string>;
  declare readonly server: pulumi.Output<string>;
  declare readonly netbiosName: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<PrimarySiteDoc>;

  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(primarySiteProvider, name, props, opts, "configmgr", "PrimarySite");
  }
}

/** A primary site (adopted: the library checks it and provisions what hangs under it). */
export class PrimarySite extends pulumi.ComponentResource {
  public readonly resource: PrimarySiteState;
  public readonly siteCode: pulumi.Output<string>;
  public readonly serverFqdn: pulumi.Output<string>;
  public readonly netbiosName: pulumi.Output<string>;
  /** The declaration, normalised. */
  public readonly settings: pulumi.Output<PrimarySiteDoc>;
  protected readonly declared: Omit<PrimarySiteArgs, "provision" | "provisioning">;
  /** The remote step: `verify` on the site's own server (none with provision: false). */
  public readonly steps: PrimarySiteSteps = {};
  private readonly provisionArgs: ProvisionArgs & { readonly name: string };

  constructor(name: string, args: PrimarySiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super("configmgr:index:PrimarySite", name, {}, opts);
    const { provision, provisioning, ...declared } = args;
    this.declared = declared;
    this.provisionArgs = { name, provision, provisioning };
    this.resource = new PrimarySiteState(name, dynamicProps({ ...declared }, COMPUTED), childOptions(this, opts));
    this.siteCode = this.resource.siteCode;
    this.serverFqdn = this.resource.server;
    this.netbiosName = this.resource.netbiosName;
    this.settings = this.resource.settings;
    if (args.context === undefined) logOwnWarnings("primarySite", dynamicProps({ ...declared }, []), this);
    this.provision();
    this.registerOutputs({ siteCode: this.siteCode, serverFqdn: this.serverFqdn, netbiosName: this.netbiosName });
  }

  /**
   * Where provisioning steps go (e.g. verifying the site on its server). Called at the end of the
   * constructor; create them with `{ parent: this, dependsOn: [this.resource] }`.
   */
  protected provision(): void {
    const { name, ...args } = this.provisionArgs;
    Object.assign(this.steps, provisionPrimarySite({ name, parent: this, check: this.resource, declared: { ...this.declared }, args }));
  }
}
