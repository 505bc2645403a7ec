import * as pulumi from "@pulumi/pulumi";
import type * as command from "@pulumi/command";
import type { HostConnection, Provisioning } from "./options";

export type ConnectionArgs = command.types.input.remote.ConnectionArgs;

/**
 * Which logon a step needs. A key-based (or agent) SSH logon on Windows has no network
 * credentials (the double hop): nothing in that session can authenticate to another machine.
 * The site-server steps need them — the DP role's readiness check reads \\<dp>\SMS_DP$ from the
 * site server, a secondary site's UNC installation source is checked from there — so they use the
 * password when one is configured and leave the key out (@pulumi/command would offer the key
 * first). The DP host's own step works locally and takes the key if there is one.
 */
export type Logon = "local" | "network";

const warned = new Set<string>();

/**
 * The connection of one step: host = the FQDN, or `hosts.<fqdn>.address`; user, port, password,
 * key from `hosts.<fqdn>` over the defaults. Secret as a whole (so is every field in it), and the
 * command SDK wraps it in a secret again.
 */
export function connectionFor(p: Provisioning, fqdn: pulumi.Input<string>, logon: Logon): pulumi.Output<ConnectionArgs> {
  const connection = pulumi
    .all([fqdn, p.user, p.password, p.privateKey, p.privateKeyPassword, p.hosts])
    .apply(([name, user, password, privateKey, privateKeyPassword, hosts]) => {
      const host = String(name).toLowerCase();
      const own: HostConnection = lookup(hosts, host);
      const pw = own.password ?? password;
      let key = own.privateKey ?? privateKey;
      if (logon === "network" && pw !== undefined) key = undefined;
      if (logon === "network" && pw === undefined && !warned.has(host)) {
        warned.add(host);
        void pulumi.log.warn(
          `The steps on site server ${host} log on with a key or the SSH agent: such a Windows logon has no network credentials, ` +
            "so reading \\\\<dp>\\SMS_DP$ (the DP role's readiness check) fails. Configure a password for it " +
            "(pulumi config set --secret configmgr:password …, or configmgr:hosts.<fqdn>.password).",
        );
      }
      const out: Record<string, unknown> = {
        host: own.address ?? host,
        port: own.port ?? p.port,
        user: own.user ?? user,
        password: pw,
        privateKey: key,
        privateKeyPassword: key !== undefined ? (own.privateKeyPassword ?? privateKeyPassword) : undefined,
        // Without a host key @pulumi/command skips host-key checking (InsecureIgnoreHostKey).
        hostKey: own.hostKey,
        // pulumi-command dials dialErrorLimit + 1 times (connection.go, reachedDialingErrorLimit).
        dialErrorLimit: (pw !== undefined ? p.dial.passwordAttempts : p.dial.keyAttempts) - 1,
        perDialTimeout: p.dial.timeoutSeconds,
      };
      for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
      return out as unknown as ConnectionArgs;
    });
  return pulumi.secret(connection);
}

function lookup(hosts: Record<string, HostConnection> | undefined, host: string): HostConnection {
  if (!hosts) return {};
  for (const [k, v] of Object.entries(hosts)) if (k.toLowerCase() === host) return v ?? {};
  return {};
}

