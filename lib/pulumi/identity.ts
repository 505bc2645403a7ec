import * as pulumi from "@pulumi/pulumi";
import { groupKey } from "../topology/model";

/**
 * Resource names (the last part of a URN) from an object's normalised identity.
 *
 * The engine matches a registration with its state by URN only (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go: a URN it has not seen is a create, a URN not registered
 * again is a delete at the end of the deployment). So a URN must change exactly when the object's
 * identity does, and must not depend on where the object sits: site codes upper-cased, FQDNs and
 * boundary-group names lower-cased (names compare case-insensitively), and every site, group and
 * DP parented directly under the Hierarchy, whatever site it belongs to. A change of case is then
 * an update; a DP moved from a primary to a secondary keeps its URN and is replaced in the
 * engine's own sense (its steps' triggers hold the site), so deleteBeforeReplace applies.
 */
export const TYPES = {
  hierarchy: "configmgr:index:Hierarchy",
  primary: "configmgr:index:PrimarySite",
  secondary: "configmgr:index:SecondarySite",
  group: "configmgr:index:BoundaryGroup",
  dp: "configmgr:index:DistributionPoint",
} as const;

export const siteName = (hierarchy: string, code: string): string => `${hierarchy}-${code.toUpperCase()}`;
export const groupName = (hierarchy: string, name: string): string => `${hierarchy}-${groupKey(name)}`;
export const dpName = (hierarchy: string, server: string): string => `${hierarchy}-${server.toLowerCase()}`;

/**
 * Where versions up to 0.1 put an object: the name as written, under a parent that depended on
 * the site kind (a secondary under its primary, a DP under its site). An alias for that URN moves a
 * stack made with those names over without a replacement; the SDK derives the children's aliases
 * from it (their names start with the component's name).
 */
export function legacyAlias(newName: string, oldName: string, oldParent: pulumi.Resource | pulumi.Input<string> | undefined): pulumi.Alias[] {
  const aliases: pulumi.Alias[] = [];
  // The parent as its URN, never the Resource: the SDK passes each alias through output(), which
  // walks a Resource's whole object graph (4× the cost of registering a 5,000-DP Hierarchy).
  if (oldParent !== undefined) aliases.push({ name: oldName, parent: urnOf(oldParent) });
  else if (oldName !== newName) aliases.push({ name: oldName });
  return aliases;
}

/** The URN a component had under the old naming (for a child's alias: its old parent). */
export function legacyUrn(name: string, type: string, parent: pulumi.Resource | pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.createUrn(name, type, urnOf(parent));
}

function urnOf(r: pulumi.Resource | pulumi.Input<string>): pulumi.Input<string> {
  return pulumi.Resource.isInstance(r) ? r.urn : r;
}
