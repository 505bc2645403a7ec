import type * as pulumi from "@pulumi/pulumi";
import * as boundaryGroup from "./providers/boundary-group";
import * as distributionPoint from "./providers/distribution-point";
import * as primarySite from "./providers/primary-site";
import * as secondarySite from "./providers/secondary-site";
import * as topology from "./providers/topology";

/**
 * The dynamic providers. Pulumi serialises the provider object into the state of every resource
 * that uses it (twice: inputs and outputs), and the engine's host runs that text. So:
 *
 * - they capture nothing: each method requires the real logic (provider-logic.ts) by package
 *   name at call time, resolved from the program's node_modules in the host (pulumi-notes.md
 *   §2). Never capture a schema, a credential or a module-scope import in them.
 * - each provider object is the exports of its own CommonJS module (providers/*.ts). When the
 *   library is installed under node_modules, Pulumi's serialiser recognises the module and stores
 *   a one-line `require("pulumi-configmgr/dist/pulumi/providers/<kind>")` (about 0.3 KB) instead
 *   of the methods' source (about 2 KB, what it stores for a linked checkout or a local copy).
 *   Consequence: `read` and `delete` run the installed library's code, not a copy saved at the
 *   last update; both only recompute or drop state and stay compatible across versions.
 */

type Provider = pulumi.dynamic.ResourceProvider;

/**
 * CommonJS exports are used as they are (so the serialiser can name the module). An ES module
 * namespace (vitest, bundlers) cannot be serialised: its methods are copied into a plain object.
 */
function provider(exports: Provider): Provider {
  if (Object.getPrototypeOf(exports) === Object.prototype && !(Symbol.toStringTag in exports)) return exports;
  const { check, diff, create, read, update, delete: remove } = exports;
  return { check, diff, create, read, update, delete: remove };
}

export const primarySiteProvider = provider(primarySite);
export const secondarySiteProvider = provider(secondarySite);
export const distributionPointProvider = provider(distributionPoint);
export const boundaryGroupProvider = provider(boundaryGroup);
export const topologyProvider = provider(topology);
