import { below } from "../topology/version";
import type { Rule } from "./types";

/**
 * VPN boundaries arrived in 2006 (boundaries article, "what's new in 2006"). windows-commands.md
 * §4.5 notes that New-CMBoundary documents its Vpn type from 2010 only; this rule enforces the
 * product's 2006.
 */
const rule: Rule = {
  id: "BND-VPN-VERSION",
  severity: "error",
  title: "VPN boundaries need ConfigMgr 2006 or later.",
  value: "2006 or later",
  needsVersion: true,
  sources: ["S-BND"],
  fix: "Replace the VPN boundary with the VPN pool's ipRange or ipSubnet, or upgrade to 2006 or later.",
  check(model, report) {
    const version = model.version!;
    if (!below(version, "2006")) return;
    for (const g of model.groups) {
      g.doc.boundaries.forEach((b, j) => {
        if (b.vpn === undefined) return;
        report({
          object: g.ref,
          path: [...g.path, "boundaries", j, "vpn"],
          message: `has VPN boundary "${b.vpn}", but ConfigMgr ${version.label} has no VPN boundaries: they were introduced in 2006`,
        });
      });
    }
  },
};
export default rule;
