import { REMOTE_COMMAND } from "../scripts/wrapper";

/** The provisioning steps' own command line and stdin, for `export --ssh` and `drift --ssh`. */
export function sshTransport(): { command: string; stdin: (script: string) => string } {
  return { command: REMOTE_COMMAND, stdin: (script) => script };
}
