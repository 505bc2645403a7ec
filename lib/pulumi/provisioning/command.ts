import * as pulumi from "@pulumi/pulumi";
import * as command from "@pulumi/command";
import { psQuote } from "../../scripts/quote";
import { actionScript, remoteCommand, wrapScript, type ActionScripts } from "../../scripts/wrapper";
import type { ConnectionArgs } from "./connection";

/**
 * One remote step = one `remote.Command` on a Windows host over SSH (OpenSSH for Windows).
 *
 * - The command provider runs create, update AND delete with the stdin stored at the last
 *   create/update, so stdin holds one script with every action (actionScript), and the three
 *   command lines are short bootstraps that only differ in the `$action` they set.
 * - Only `triggers` replace a command; they hold the object's identity. Every other change (a
 *   setting, the script text, the connection) is an in-place update that runs the `update`
 *   action, and the scripts reconcile.
 * - Install/uninstall pairs are replaced delete-first, so the old delete cannot undo the new create.
 * - No `environment` (Windows OpenSSH has no AcceptEnv), and no previous output in it either.
 * - A stdin that carries a secret is a Pulumi secret, its output is not streamed to the CLI and
 *   stdout/stderr are stored as secrets.
 */
export interface StepSpec {
  readonly name: string;
  /** "dp-role", "host-prepare" …: the comment line of the stdin script and its failure lines. */
  readonly step: string;
  readonly connection: pulumi.Input<ConnectionArgs>;
  readonly scripts: pulumi.Input<ActionScripts>;
  /** Whether the step has a delete action (known at program time: the command line is plain). */
  readonly deletes: boolean;
  readonly triggers: pulumi.Input<unknown>[];
  readonly deleteBeforeReplace: boolean;
  /** The stdin carries a secret (the PXE password). */
  readonly secret: boolean;
  readonly parent: pulumi.Resource;
  readonly dependsOn: pulumi.Resource[];
}

export function remoteStep(spec: StepSpec): command.remote.Command {
  const stdin = pulumi.output(spec.scripts).apply((scripts) => actionScript(spec.step, scripts as ActionScripts));
  return new command.remote.Command(
    spec.name,
    {
      connection: spec.connection,
      create: remoteCommand("create"),
      update: remoteCommand("update"),
      ...(spec.deletes ? { delete: remoteCommand("delete") } : {}),
      stdin: spec.secret ? pulumi.secret(stdin) : stdin,
      triggers: spec.triggers,
      addPreviousOutputInEnv: false,
      ...(spec.secret ? { logging: "none" as const } : {}),
    },
    {
      parent: spec.parent,
      dependsOn: spec.dependsOn,
      deleteBeforeReplace: spec.deleteBeforeReplace,
      ...(spec.secret ? { additionalSecretOutputs: ["stdout", "stderr"] } : {}),
    },
  );
}

/**
 * A generator's script, or — when it refuses its inputs (a setting the checks reject) — a script
 * that fails with the reason. Never a throw inside an apply: that would abort the program and hide
 * the checks' own report. Nothing runs anyway while a check fails.
 */
export function scriptOr(step: string, generate: () => string): string {
  try {
    return generate();
  } catch (err) {
    const reason = String((err as Error)?.message ?? err).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
    return wrapScript(step, `throw ${psQuote(`cannot generate the ${step} script: ${reason}`)}`);
  }
}
