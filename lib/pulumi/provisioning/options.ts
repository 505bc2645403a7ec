import * as pulumi from "@pulumi/pulumi";

/**
 * How the remote steps reach the Windows hosts. Connections come from Pulumi config (namespace
 * `configmgr`), never from the topology document; a program can override any of it with the
 * components' `provisioning.connection` argument.
 */

/** The config namespace: `pulumi config set configmgr:user 'LAB\pulumi'`. */
export const CONFIG_NAMESPACE = "configmgr";

export const DEFAULT_SSH_PORT = 22;
export const DEFAULT_READINESS_TIMEOUT_MINUTES = 30;

/** One host's SSH settings (`configmgr:hosts` is an object keyed by the host's FQDN). */
export interface HostConnection {
  /** Where to connect instead of the FQDN (an IP address, another name). */
  readonly address?: string;
  readonly user?: string;
  readonly port?: number;
  /**
   * The host's public key in authorized_keys format. Without one, @pulumi/command does not check
   * the host key at all (it connects with InsecureIgnoreHostKey).
   */
  readonly hostKey?: string;
  readonly password?: string;
  readonly privateKey?: string;
  readonly privateKeyPassword?: string;
}

/** Overrides of the `configmgr:*` connection config, field by field (hosts: host by host). */
export interface ConnectionOptions {
  /** DOMAIN\user or user@domain; required (here or in configmgr:user): @pulumi/command would default to "root". */
  readonly user?: pulumi.Input<string>;
  readonly password?: pulumi.Input<string>;
  readonly privateKey?: pulumi.Input<string>;
  readonly privateKeyPassword?: pulumi.Input<string>;
  readonly port?: number;
  /** By FQDN (lower case). */
  readonly hosts?: pulumi.Input<Record<string, HostConnection>>;
}

/** The site whose SMS Provider runs an object's ConfigMgr cmdlets, and the server it runs on (the SSH host). */
export interface SmsProviderArg {
  readonly siteCode: pulumi.Input<string>;
  readonly server: pulumi.Input<string>;
}

/** What every component accepts as `provisioning`. */
export interface ProvisioningOptions {
  readonly connection?: ConnectionOptions;
  /** DP role: how long to wait for DistMgr to install (or uninstall) the DP. Default configmgr:readinessTimeoutMinutes, else 30. */
  readonly readinessTimeoutMinutes?: number;
  /** DP host: schedule the restart a feature install asks for. Default configmgr:rebootIfRequired, else false. */
  readonly rebootIfRequired?: boolean;
  /** Every remote step of the object waits for these too (a Hierarchy passes its topology check). */
  readonly dependsOn?: pulumi.Resource[];
  /** Where the site-server steps run; see each component for its default. */
  readonly smsProvider?: SmsProviderArg;
}

export interface DistributionPointProvisioning extends ProvisioningOptions {
  /**
   * The role step (on the site server) also waits for these: the steps of the DP's site, of its
   * boundary groups and of its pull sources. A Hierarchy sets them.
   */
  readonly roleDependsOn?: pulumi.Resource[];
  /** The DP's boundary groups as the groups spell their names (a Hierarchy sets them); default as the DP lists them. */
  readonly boundaryGroups?: pulumi.Input<pulumi.Input<string>[]>;
}

export interface BoundaryGroupProvisioning extends ProvisioningOptions {
  /**
   * The DPs the document lists in this group: attached once they are DPs, never detached. Unset
   * (a group declared on its own): the group's site systems are left to the DPs' role steps.
   */
  readonly siteSystems?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The arguments every component takes for provisioning. */
export interface ProvisionArgs<P extends ProvisioningOptions = ProvisioningOptions> {
  /** false: only the checked state, no remote step at all (a validation-only stack). Default true. */
  readonly provision?: boolean;
  readonly provisioning?: P;
}

/** Connection defaults and step settings, resolved from config and overrides. */
export interface Provisioning {
  readonly user: pulumi.Input<string>;
  readonly password?: pulumi.Input<string>;
  readonly privateKey?: pulumi.Input<string>;
  readonly privateKeyPassword?: pulumi.Input<string>;
  readonly port: number;
  readonly hosts?: pulumi.Input<Record<string, HostConnection>>;
  readonly readinessTimeoutMinutes: number;
  readonly rebootIfRequired: boolean;
}

/**
 * The resolved settings, or undefined with `provision: false`. Throws a RunError naming the key
 * when no user is configured: never let @pulumi/command fall back to "root".
 */
export function resolveProvisioning(what: string, args: ProvisionArgs): Provisioning | undefined {
  if (args.provision === false) return undefined;
  const options = args.provisioning ?? {};
  const over = options.connection ?? {};
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  const user = over.user ?? config.get("user");
  if (user === undefined || user === "") {
    throw new pulumi.RunError(
      `${what}: the remote steps need an SSH user for the Windows hosts, and config key ${CONFIG_NAMESPACE}:user is not set. ` +
        `Set it with: pulumi config set ${CONFIG_NAMESPACE}:user 'LAB\\pulumi' (and the password: pulumi config set --secret ${CONFIG_NAMESPACE}:password …), ` +
        "or pass provision: false for a stack that only validates the topology.",
    );
  }
  const secret = (key: string, given: pulumi.Input<string> | undefined) =>
    given !== undefined ? pulumi.secret(given) : config.getSecret(key);
  return {
    user,
    password: secret("password", over.password),
    privateKey: secret("privateKey", over.privateKey),
    privateKeyPassword: secret("privateKeyPassword", over.privateKeyPassword),
    port: over.port ?? config.getNumber("port") ?? DEFAULT_SSH_PORT,
    // Read as a secret: per-host passwords and keys live in it (pulumi config set --secret --path …).
    hosts: mergeHosts(config.getSecretObject<Record<string, HostConnection>>("hosts"), over.hosts),
    readinessTimeoutMinutes: options.readinessTimeoutMinutes ?? config.getNumber("readinessTimeoutMinutes") ?? DEFAULT_READINESS_TIMEOUT_MINUTES,
    rebootIfRequired: options.rebootIfRequired ?? config.getBoolean("rebootIfRequired") ?? false,
  };
}

/** Config hosts, overridden host by host (and field by field) by the program's. */
function mergeHosts(
  fromConfig: pulumi.Output<Record<string, HostConnection>> | undefined,
  given: pulumi.Input<Record<string, HostConnection>> | undefined,
): pulumi.Input<Record<string, HostConnection>> | undefined {
  if (given === undefined) return fromConfig;
  if (fromConfig === undefined) return pulumi.secret(given);
  return pulumi.secret(
    pulumi.all([fromConfig, given]).apply(([a, b]) => {
      const out: Record<string, HostConnection> = {};
      for (const [k, v] of Object.entries(a ?? {})) out[k.toLowerCase()] = { ...v };
      for (const [k, v] of Object.entries(b ?? {})) out[k.toLowerCase()] = { ...out[k.toLowerCase()], ...v };
      return out;
    }),
  );
}
