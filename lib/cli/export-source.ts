import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ExportFormatError, parseExport, type ExportRecords } from "../export/records";
import { exportScript } from "../export/script";

/** Where the export script's output comes from: a file an admin saved, or a run over SSH. */
export interface ExportSourceArgs {
  readonly server?: string;
  readonly site?: string;
  readonly from?: string;
  readonly ssh?: string;
  readonly user?: string;
  readonly port?: string;
  readonly identity?: string;
  /** known_hosts file with the site server's host key (checked strictly; the stack's `hostKey`). */
  readonly knownHosts?: string;
  /** Where to connect when the site server's name does not resolve here (the stack's `address`). */
  readonly address?: string;
  /** The library's remote command line and stdin encoding (lib/scripts), as the provisioning steps use them. */
  readonly transport?: { readonly command: string; readonly stdin: (script: string) => string };
}

export type ExportText = { readonly text: string; readonly error?: undefined } | { readonly text?: undefined; readonly error: string };

export function readExportText(args: ExportSourceArgs): ExportText {
  if (args.from !== undefined) {
    try {
      return { text: readFileSync(args.from === "-" ? 0 : args.from, "utf8") };
    } catch (err) {
      return { error: `cannot read ${args.from}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }
  const server = args.ssh ?? args.server;
  if (server === undefined) return { error: "name the site server with --ssh <fqdn>, or give --from <export output>" };
  if (!args.transport) return { error: "internal: no transport for --ssh" };
  const script = exportScript({ siteServer: server.toLowerCase(), siteCode: args.site?.toUpperCase() });
  const host = args.address ?? server;
  const target = args.user ? `${args.user}@${host}` : host;
  const sshArgs = ["-o", "BatchMode=yes", ...(args.port ? ["-p", args.port] : []), ...(args.identity ? ["-i", args.identity, "-o", "IdentitiesOnly=yes"] : []), ...(args.knownHosts ? ["-o", `UserKnownHostsFile=${args.knownHosts}`, "-o", "StrictHostKeyChecking=yes"] : []), target, args.transport.command];
  const result = spawnSync("ssh", sshArgs, { input: args.transport.stdin(script), encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.error) return { error: `could not run ssh: ${result.error.message} (install the OpenSSH client)` };
  if (result.status === 255) return { error: `ssh to ${target} failed: ${result.stderr.trim().split("\n").at(-1) ?? ""} (a key or agent logon is needed: BatchMode)` };
  return { text: result.stdout };
}

/** The export's records, or the one-line reason they cannot be had (read, run or parsed). */
export function readExportRecords(args: ExportSourceArgs): { records: ExportRecords; error?: undefined } | { records?: undefined; error: string } {
  const source = readExportText(args);
  if (source.error !== undefined) return { error: source.error };
  try {
    return { records: parseExport(source.text) };
  } catch (err) {
    if (err instanceof ExportFormatError) return { error: err.message };
    throw err;
  }
}
