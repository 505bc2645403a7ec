import { EXPORT_STEP } from "../export/script";
import { actionScript, remoteCommand } from "../scripts/wrapper";

/**
 * The provisioning steps' own command line and stdin (base64 of the script under its SHA-256,
 * checked by the bootstrap), for `export --ssh` and `drift --ssh`: the export runs as the create
 * action of a one-action step.
 */
export function sshTransport(): { command: string; stdin: (script: string) => string } {
  return { command: remoteCommand("create"), stdin: (script) => actionScript(EXPORT_STEP, { create: script }) };
}
