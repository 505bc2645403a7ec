import * as pulumi from "@pulumi/pulumi";
import type { PrimarySiteDoc, TopologyInput } from "../topology/schema";
import { childOptions, dynamicProps, logOwnWarnings, type InputsOf, type WaiverArg } from "./component";
import type { SiteContext } from "./facts";
import { primarySiteProvider } from "./providers";

/** A primary site as the topology document declares it (topology-format.md). */
export type PrimarySiteSettings = TopologyInput["primarySites"][number];

export interface PrimarySiteArgs extends InputsOf<PrimarySiteSettings> {
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
  protected readonly declared: PrimarySiteArgs;

  constructor(name: string, args: PrimarySiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super("configmgr:index:PrimarySite", name, {}, opts);
    this.declared = args;
    this.resource = new PrimarySiteState(name, dynamicProps({ ...args }, COMPUTED), childOptions(this, opts));
    this.siteCode = this.resource.siteCode;
    this.serverFqdn = this.resource.server;
    this.netbiosName = this.resource.netbiosName;
    this.settings = this.resource.settings;
    if (args.context === undefined) logOwnWarnings("primarySite", dynamicProps({ ...args }, []), this);
    this.provision();
    this.registerOutputs({ siteCode: this.siteCode, serverFqdn: this.serverFqdn, netbiosName: this.netbiosName });
  }

  /**
   * Where provisioning steps go (e.g. verifying the site on its server). Called at the end of the
   * constructor; create them with `{ parent: this, dependsOn: [this.resource] }`.
   */
  protected provision(): void {}
}
