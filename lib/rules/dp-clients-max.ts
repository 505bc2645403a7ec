import type { DocPath } from "../topology/load";
import type { DpNode, GroupNode } from "../topology/model";
import { n, plural } from "./format";
import type { Rule } from "./types";

export const DP_CLIENTS_MAX = 4000;

/** Where a DP's load comes from: its own `clients`, or its boundary groups. */
export function loadPath(dp: DpNode): DocPath {
  return [...dp.path, dp.doc.clients !== undefined ? "clients" : "boundaryGroups"];
}

const MAX_NAMED = 5;

/** `boundary group "Lab HQ"` / `boundary group "A" or "B"` / `… "E" or 3 more`. */
export function groupNames(groups: readonly GroupNode[]): string {
  const quoted = groups.slice(0, MAX_NAMED).map((g) => `"${g.name}"`);
  if (groups.length > MAX_NAMED) quoted.push(plural(groups.length - MAX_NAMED, "more", "more"));
  const list = quoted.length <= 2 ? quoted.join(" or ") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
  return `boundary group ${list}`;
}

/** The fix for a DP with too many clients: share its groups with another DP. */
export function shareLoadFix(dp: DpNode): string {
  if (dp.groups.length > 0) {
    return `Add a DP to ${groupNames(dp.groups)} or move clients to another boundary group, so that the even share per DP drops.`;
  }
  return "Lower the DP's `clients`, or put another DP next to it and split the clients between them.";
}

const rule: Rule = {
  id: "DP-CLIENTS-MAX",
  severity: "error",
  title: "Client load of a distribution point (its clients, or its even share of its boundary groups' clients).",
  value: "≤ 4,000",
  sources: ["S-SCALE", "SEED"],
  fix: "Add a DP to the DP's boundary groups or move clients elsewhere, so that each DP serves at most 4,000 clients.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (dp.load <= DP_CLIENTS_MAX) continue;
      report({
        object: dp.ref,
        path: loadPath(dp),
        message: `serves ${n(dp.load)} clients; a distribution point supports at most ${n(DP_CLIENTS_MAX)}`,
        limit: DP_CLIENTS_MAX,
        actual: dp.load,
        fix: shareLoadFix(dp),
      });
    }
  },
};
export default rule;
