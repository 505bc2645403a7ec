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
  /**
   * Steps whose replacement must replace this one first: property dependencies of `triggers`
   * (the values stay as they are). The engine's delete-before-replace cascade follows property
   * dependencies only, never a plain dependsOn (pulumi/pulumi pkg/resource/deploy/step_generator.go,
   * calculateDependentReplacements: it diffs a dependent with the inputs that depend on the
   * replaced resource set to unknown; an unknown `triggers` is a replace, pulumi-command
   * provider/pkg/provider/common/inputs.go tags triggers replaceOnChanges).
   */
  readonly replacedWith?: pulumi.Resource[];
  readonly deleteBeforeReplace: boolean;
  /** The stdin carries a secret (the PXE password). */
  readonly secret: boolean;
  readonly parent: pulumi.Resource;
  readonly dependsOn: pulumi.Resource[];
}

export function remoteStep(spec: StepSpec): command.remote.Command {
  // Every step this one waits for is also a property dependency of its stdin (an update-only
  // input), so that the recorded graph is the order the engine destroys and replaces in.
  const stdin = after(
    pulumi.output(spec.scripts).apply((scripts) => actionScript(spec.step, scripts as ActionScripts)),
    spec.dependsOn,
  );
  const replacedWith = spec.replacedWith ?? [];
  return new command.remote.Command(
    spec.name,
    {
      connection: spec.connection,
      create: remoteCommand("create"),
      update: remoteCommand("update"),
      ...(spec.deletes ? { delete: remoteCommand("delete") } : {}),
      stdin: spec.secret ? pulumi.secret(stdin) : stdin,
      triggers: replacedWith.length === 0 ? spec.triggers : spec.triggers.map((t) => after(t, replacedWith)),
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
 * The value unchanged, with a property dependency on each resource. Their URNs are known at
 * preview, so the value never becomes unknown because of them.
 */
export function after<T>(value: pulumi.Input<T>, on: readonly pulumi.Resource[]): pulumi.Output<T> {
  if (on.length === 0) return pulumi.output(value) as pulumi.Output<T>;
  return pulumi.all([value, ...on.map((r) => r.urn)] as pulumi.Input<unknown>[]).apply(([v]) => v as T);
}

/** C0, DEL, C1 controls and the Unicode line separators: never allowed in a value a script quotes. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A generator's script, or — when it refuses its inputs (a setting the checks reject) — a script
 * that fails with the reason. Never a throw inside an apply: that would abort the program and hide
 * the checks' own report. Nothing runs anyway while a check fails.
 */
export function scriptOr(step: string, generate: () => string, secrets: readonly string[] = []): string {
  try {
    return generate();
  } catch (err) {
    const reason = redact(String((err as Error)?.message ?? err), secrets).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
    return wrapScript(step, `throw ${psQuote(`cannot generate the ${step} script: ${reason}`)}`);
  }
}

/**
 * A refusal never quotes a secret: the result line it becomes is part of pulumi-command's error,
 * which the CLI prints whatever `logging` says (commandOutputs.go: the error carries the combined
 * output). Every spelling a message could use (raw, JSON-escaped, controls blanked) is replaced.
 */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), secret.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")]);
    for (const form of forms) if (form.length > 0) out = out.split(form).join("[secret]");
  }
  return out;
}
