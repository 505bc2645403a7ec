import type { Rule } from "./types";

/** A drive setting the rule accepts: unset, "automatic" or one letter A–Z (what /^[A-Z]$/ matches). */
function acceptable(value: string | undefined): boolean {
  if (value === undefined || value === "automatic") return true;
  if (value.length !== 1) return false;
  const c = value.charCodeAt(0);
  return c >= 65 && c <= 90;
}
const SETTINGS = ["primaryContentLibrary", "secondaryContentLibrary", "primaryPackageShare", "secondaryPackageShare"] as const;
/** A secondary location needs its primary one (the cmdlet's parameter sets; ConfigMgrCBDsc enforces it too). */
const NEEDS = [
  ["secondaryContentLibrary", "primaryContentLibrary"],
  ["secondaryPackageShare", "primaryPackageShare"],
] as const;

const rule: Rule = {
  id: "DP-STORAGE",
  severity: "error",
  title: 'Drive settings are a letter A–Z or "automatic"; a secondary content-library or package-share location needs the primary one.',
  sources: ["S-DP", "S-CMDLET"],
  fix: 'Write each drive setting as one letter (C, not C:) or "automatic", and set the primary location before a secondary one.',
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const storage = dp.doc.storage;
      if (!storage) continue;
      // The four settings read by name first: a read through a key taken from SETTINGS is a
      // lookup by a changing name, which cost most of this rule's time on 125,000 valid DPs.
      const pcl = storage.primaryContentLibrary;
      const pps = storage.primaryPackageShare;
      const scl = storage.secondaryContentLibrary;
      const sps = storage.secondaryPackageShare;
      if (acceptable(pcl) && acceptable(pps) && acceptable(scl) && acceptable(sps) && (scl === undefined || pcl !== undefined) && (sps === undefined || pps !== undefined)) continue;
      for (const key of SETTINGS) {
        const value = storage[key];
        if (value === undefined || acceptable(value)) continue;
        report({
          object: dp.ref,
          path: [...dp.path, "storage", key],
          message: `has storage.${key} "${value}", which is neither a drive letter A–Z nor "automatic"`,
          fix: `Set storage.${key} to one drive letter (for example "${/^[A-Z]/.test(value) ? value[0] : "D"}") or "automatic".`,
        });
      }
      for (const [secondary, primary] of NEEDS) {
        if (storage[secondary] === undefined || storage[primary] !== undefined) continue;
        report({
          object: dp.ref,
          path: [...dp.path, "storage", secondary],
          message: `sets storage.${secondary} without storage.${primary}; a secondary location is used only after a primary one`,
          fix: `Set storage.${primary} too (a drive letter or "automatic"), or remove storage.${secondary}.`,
        });
      }
    }
  },
};
export default rule;
