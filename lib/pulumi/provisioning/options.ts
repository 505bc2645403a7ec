import * as pulumi from "@pulumi/pulumi";
import { stackSecret } from "../stack-secret";

/**
 * How the remote steps reach the Windows hosts. Connections come from Pulumi config (namespace
 * `configmgr`), never from the topology document; a program can override any of it with the
 * components' `provisioning.connection` argument.
 */

/** The config namespace: `pulumi config set configmgr:user 'LAB\pulumi'`. */
export const CONFIG_NAMESPACE = "configmgr";

export const DEFAULT_SSH_PORT = 22;
export const DEFAULT_READINESS_TIMEOUT_MINUTES = 30;

/**
 * The dial policy (pulumi-command v1.2.1 provider/pkg/provider/remote/connection.go: a failed dial
 * is retried, with backoff, until the number of failed dials exceeds dialErrorLimit — default 10,
 * so 11 attempts — whatever the error, authentication failures included; each attempt with a
 * password offers it twice, as "password" and as "keyboard-interactive"). A stale password must
 * not lock the AD account, so a logon that offers a password dials once by default and at most
 * three times; a key (or agent) logon cannot lock an account and may retry more, which rides
 * over a host that is still booting.
 */
export const DEFAULT_PASSWORD_DIAL_ATTEMPTS = 1;
export const MAX_PASSWORD_DIAL_ATTEMPTS = 3;
export const DEFAULT_KEY_DIAL_ATTEMPTS = 6;
export const DEFAULT_DIAL_TIMEOUT_SECONDS = 15;

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
  /** Dials per step when the logon offers a password (1–3). Default configmgr:passwordDialAttempts, else 1. */
  readonly passwordDialAttempts?: number;
  /** Dials per step for a key or agent logon. Default configmgr:keyDialAttempts, else 6. */
  readonly keyDialAttempts?: number;
  /** Seconds per dial. Default configmgr:dialTimeoutSeconds, else 15. */
  readonly dialTimeoutSeconds?: number;
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
  /**
   * Adopt only: take the running estate as it is. A create or update that would have to change
   * something (a Set-, Add-, New- or Remove- cmdlet) fails with the list of those calls instead,
   * having changed nothing; DP hosts are not prepared (prepareHost must be false). For the first
   * `up` of a document that `pulumi-configmgr export` wrote. Default configmgr:adoptOnly, else false.
   */
  readonly adoptOnly?: boolean;
  /** Every remote step of the object waits for these too (a Hierarchy passes its topology check). */
  readonly dependsOn?: pulumi.Resource[];
  /** Where the site-server steps run; see each component for its default. */
  readonly smsProvider?: SmsProviderArg;
}

export interface DistributionPointProvisioning extends ProvisioningOptions {
  /**
   * The role step (on the site server) also waits for these: the steps of the DP's site, of its
   * boundary groups and of its pull sources. A Hierarchy sets them. They become property
   * dependencies of the role's stdin, so destroy and replacement order follow them.
   */
  readonly roleDependsOn?: pulumi.Resource[];
  /**
   * Steps whose replacement replaces the role too (a Hierarchy sets the DP's secondary-site
   * install): property dependencies of the role's triggers, so that the engine's
   * delete-before-replace cascade removes the role before they go.
   */
  readonly roleReplacedWith?: pulumi.Resource[];
  /**
   * The host step (prepare) waits for these: a Hierarchy sets the verify step of the DP's
   * primary, the first logon of the deployment with the configured account, so that a wrong
   * password fails once there instead of on every DP host at once.
   */
  readonly prepareDependsOn?: pulumi.Resource[];
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
  readonly adoptOnly: boolean;
  readonly dial: DialPolicy;
}

export interface DialPolicy {
  readonly passwordAttempts: number;
  readonly keyAttempts: number;
  readonly timeoutSeconds: number;
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
    given !== undefined ? stackSecret(`${what}: provisioning.connection.${key}`, given) : config.getSecret(key);
  return {
    user,
    password: secret("password", over.password),
    privateKey: secret("privateKey", over.privateKey),
    privateKeyPassword: secret("privateKeyPassword", over.privateKeyPassword),
    port: over.port ?? config.getNumber("port") ?? DEFAULT_SSH_PORT,
    // Read as a secret: per-host passwords and keys live in it (pulumi config set --secret --path …).
    hosts: mergeHosts(config.getSecretObject<Record<string, HostConnection>>("hosts"), over.hosts === undefined ? undefined : checkedHosts(what, over.hosts)),
    readinessTimeoutMinutes: options.readinessTimeoutMinutes ?? config.getNumber("readinessTimeoutMinutes") ?? DEFAULT_READINESS_TIMEOUT_MINUTES,
    rebootIfRequired: options.rebootIfRequired ?? config.getBoolean("rebootIfRequired") ?? false,
    adoptOnly: options.adoptOnly ?? config.getBoolean("adoptOnly") ?? false,
    dial: {
      passwordAttempts: attempts(what, "passwordDialAttempts", over.passwordDialAttempts ?? config.getNumber("passwordDialAttempts"), DEFAULT_PASSWORD_DIAL_ATTEMPTS, MAX_PASSWORD_DIAL_ATTEMPTS),
      keyAttempts: attempts(what, "keyDialAttempts", over.keyDialAttempts ?? config.getNumber("keyDialAttempts"), DEFAULT_KEY_DIAL_ATTEMPTS, 100),
      timeoutSeconds: attempts(what, "dialTimeoutSeconds", over.dialTimeoutSeconds ?? config.getNumber("dialTimeoutSeconds"), DEFAULT_DIAL_TIMEOUT_SECONDS, 600),
    },
  };
}

function attempts(what: string, key: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const why =
      key === "passwordDialAttempts"
        ? "every failed dial with a wrong password counts against the account's lockout threshold"
        : "it is a count";
    throw new pulumi.RunError(
      `${what}: ${CONFIG_NAMESPACE}:${key} is ${value}; it must be a whole number from 1 to ${max} (${why}). ` +
        `Set it with: pulumi config set ${CONFIG_NAMESPACE}:${key} ${fallback}`,
    );
  }
  return value;
}

const HOST_SECRETS = ["password", "privateKey", "privateKeyPassword"] as const;

/** The program's per-host overrides, whose passwords and keys must be stack-config secrets too. */
function checkedHosts(what: string, given: pulumi.Input<Record<string, HostConnection>>): pulumi.Input<Record<string, HostConnection>> {
  const check = (hosts: Record<string, HostConnection> | undefined) => {
    for (const [host, settings] of Object.entries(hosts ?? {})) {
      for (const key of HOST_SECRETS) {
        const value = settings?.[key];
        if (value !== undefined) stackSecret(`${what}: provisioning.connection.hosts["${host}"].${key}`, value);
      }
    }
    return hosts ?? {};
  };
  // A plain object is checked now, so that the program stops before anything is registered.
  if (pulumi.Output.isInstance(given) || given instanceof Promise) return pulumi.output(given).apply(check);
  return check(given as Record<string, HostConnection>);
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
      const out: Record<string, HostConnection> = Object.create(null);
      for (const [k, v] of Object.entries(a ?? {})) out[k.toLowerCase()] = { ...v };
      for (const [k, v] of Object.entries(b ?? {})) out[k.toLowerCase()] = { ...out[k.toLowerCase()], ...v };
      return out;
    }),
  );
}
