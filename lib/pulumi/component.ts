import * as pulumi from "@pulumi/pulumi";
import { formatDiagnostic } from "../rules/engine";
import { checkObject, type ObjectKind } from "./object-check";

/** Each field may come from another resource. */
export type InputsOf<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** A waiver of one rule on the object itself (the document form names the object too). */
export interface WaiverArg {
  readonly rule: string;
  readonly reason: string;
}

/**
 * Inputs for a dynamic resource: a fresh object (the SDK writes `__provider` into it), no
 * undefined fields, and the computed outputs declared as undefined so that they become
 * properties of the resource.
 */
export function dynamicProps(inputs: Record<string, unknown>, computed: readonly string[]): pulumi.Inputs {
  const props: pulumi.Inputs = {};
  for (const [k, v] of Object.entries(inputs)) if (v !== undefined) props[k] = v as pulumi.Input<unknown>;
  for (const k of computed) props[k] = undefined;
  return props;
}

/**
 * A component declared on its own reports its warnings itself, once its inputs are known (the
 * provider process has no engine connection to log through). Inside a Hierarchy, the
 * Hierarchy logs every warning of the document on the resource it belongs to.
 */
export function logOwnWarnings(kind: ObjectKind, props: pulumi.Inputs, resource: pulumi.Resource): void {
  pulumi.output(props).apply((inputs) => {
    try {
      for (const d of checkObject(kind, inputs as Record<string, unknown>).warnings) pulumi.log.warn(formatDiagnostic(d), resource);
    } catch (err) {
      pulumi.log.warn(`could not evaluate the warnings of this ${kind}: ${(err as Error).message}`, resource);
    }
    return undefined;
  });
}

/** The component's own dependsOn, passed on to its dynamic resource (children do not inherit it). */
export function childOptions(parent: pulumi.Resource, opts: pulumi.ComponentResourceOptions | undefined): pulumi.CustomResourceOptions {
  return { parent, ...(opts?.dependsOn !== undefined ? { dependsOn: opts.dependsOn } : {}) };
}
