import * as pulumi from "@pulumi/pulumi";
import type { DistributionPointDoc, TopologyInput } from "../topology/schema";
import { childOptions, dynamicProps, logOwnWarnings, type InputsOf, type WaiverArg } from "./component";
import type { DpContext } from "./facts";
import type { DpConfiguration } from "./provider-logic";
import { distributionPointProvider } from "./providers";
import type { DistributionPointProvisioning, ProvisionArgs } from "./provisioning/options";
import { provisionDistributionPoint, type DistributionPointSteps } from "./provisioning/steps";
import { stackSecret } from "./stack-secret";

/** A distribution point as the topology document declares it (topology-format.md). */
export type DistributionPointSettings = NonNullable<TopologyInput["distributionPoints"]>[number];

export interface DistributionPointArgs extends InputsOf<DistributionPointSettings>, ProvisionArgs<DistributionPointProvisioning> {
  /** The hierarchy's ConfigMgr version ("2012 SP1", "2403"); version-dependent rules are skipped without it. */
  configMgrVersion?: pulumi.Input<string>;
  /** NetBIOS name of the site servers' domain (LAB). */
  domain?: pulumi.Input<string>;
  /** FQDN of the DP's site server. */
  siteServer?: pulumi.Input<string>;
  /**
   * The PXE password: a stack-config secret (`config.requireSecret(…)`; any other value stops the
   * program, see stack-secret.ts). Never stored in the dynamic resource, its state or its provider.
   */
  pxePassword?: pulumi.Input<string>;
  /** Accepted violations of this DP's rules. */
  waivers?: pulumi.Input<pulumi.Input<WaiverArg>[]>;
  /** Facts about the rest of the hierarchy; a Hierarchy sets them. Rules that need them are skipped without. */
  context?: pulumi.Input<DpContext>;
}

const COMPUTED = ["netbiosName", "settings", "configuration"] as const;

/** The dynamic resource whose check enforces the DP's rules; it holds the normalised declaration. */
export class DistributionPointState extends pulumi.dynamic.Resource {
  declare readonly server: pulumi.Output<string>;
  declare readonly site: pulumi.Output<string>;
  declare readonly netbiosName: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<DistributionPointDoc>;
  declare readonly configuration: pulumi.Output<DpConfiguration>;

  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(distributionPointProvider, name, props, opts, "configmgr", "DistributionPoint");
  }
}

/**
 * A distribution point: its rules are checked at preview; provisioning steps (remote commands)
 * hang under it.
 */
export class DistributionPoint extends pulumi.ComponentResource {
  /** The checked state. Provisioning children depend on it. */
  public readonly resource: DistributionPointState;
  public readonly serverFqdn: pulumi.Output<string>;
  public readonly netbiosName: pulumi.Output<string>;
  public readonly siteCode: pulumi.Output<string>;
  /** The declaration, normalised (defaults applied, canonical spellings). */
  public readonly settings: pulumi.Output<DistributionPointDoc>;
  /** What the DP role is configured with. */
  public readonly configuration: pulumi.Output<DpConfiguration>;
  /** For provisioning only: a secret Output, never an input of the dynamic resource. */
  protected readonly pxePassword?: pulumi.Output<string>;
  /** The arguments, without the PXE password and the provisioning ones. */
  protected readonly declared: Omit<DistributionPointArgs, "pxePassword" | "provision" | "provisioning">;
  /** The remote steps: `prepare` on the DP host, `role` on the site server (none with provision: false). */
  public readonly steps: DistributionPointSteps = {};
  private readonly provisionArgs: ProvisionArgs<DistributionPointProvisioning> & { readonly name: string };

  constructor(name: string, args: DistributionPointArgs, opts?: pulumi.ComponentResourceOptions) {
    super("configmgr:index:DistributionPoint", name, {}, opts);
    const { pxePassword, provision, provisioning, ...declared } = args;
    this.declared = declared;
    this.provisionArgs = { name, provision, provisioning };
    if (pxePassword !== undefined) this.pxePassword = stackSecret(`DistributionPoint ${name}: pxePassword`, pxePassword);
    const props = dynamicProps(declared, COMPUTED);
    this.resource = new DistributionPointState(name, props, childOptions(this, opts));
    this.serverFqdn = this.resource.server;
    this.siteCode = this.resource.site;
    this.netbiosName = this.resource.netbiosName;
    this.settings = this.resource.settings;
    this.configuration = this.resource.configuration;
    if (args.context === undefined) logOwnWarnings("distributionPoint", dynamicProps(declared, []), this);
    this.provision();
    // Only the scalar outputs: registering the settings objects too costs more than the DP itself.
    this.registerOutputs({ serverFqdn: this.serverFqdn, netbiosName: this.netbiosName, siteCode: this.siteCode });
  }

  /**
   * Where provisioning steps go (remote commands on the host and the site server). Called at the
   * end of the constructor; create them with `{ parent: this, dependsOn: [this.resource] }` so
   * that nothing runs unless the check passed.
   */
  protected provision(): void {
    Object.assign(
      this.steps,
      provisionDistributionPoint({
        name: this.provisionArgs.name,
        parent: this,
        check: this.resource,
        declared: { ...this.declared },
        args: this.provisionArgs,
        ...(this.pxePassword !== undefined ? { pxePassword: this.pxePassword } : {}),
      }),
    );
  }
}
