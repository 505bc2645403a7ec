import { atLeast, type Version } from "../topology/version";
import { n } from "./format";
import type { Rule } from "./types";

/**
 * Default "drive space reserve" of Add-CMDistributionPoint: 50 MB, 500 MB from 2107.
 * limits-sources.md (open question 4) notes that New-CMSecondarySite gave 200 MB as the older
 * default for a secondary site's own DP: which old value applies there is UNCONFIRMED; we use
 * the Add-CMDistributionPoint value for every DP.
 */
export function defaultReserveMB(version: Version): number {
  return atLeast(version, "2107") ? 500 : 50;
}

const rule: Rule = {
  id: "DP-FREE-SPACE-DEFAULT",
  severity: "warning",
  title: "minimumFreeSpaceMB is not below the version's default drive space reserve.",
  value: "50 MB before 2107, 500 MB from 2107",
  needsVersion: true,
  sources: ["S-CMDLET"],
  fix: "Raise storage.minimumFreeSpaceMB to at least the version default, or leave it unset to get the default.",
  check(model, report) {
    const version = model.version!;
    const floor = defaultReserveMB(version);
    for (const dp of model.dps) {
      const reserve = dp.doc.storage?.minimumFreeSpaceMB;
      if (reserve === undefined || reserve >= floor) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "storage", "minimumFreeSpaceMB"],
        message:
          `keeps ${n(reserve)} MB free on its content drives (minimumFreeSpaceMB); ConfigMgr ${version.label} ` +
          `defaults to ${n(floor)} MB, so a drive may fill up further than Microsoft intends`,
        limit: floor,
        actual: reserve,
        fix: `Set storage.minimumFreeSpaceMB to ${n(floor)} or more, or leave it unset to get the default.`,
      });
    }
  },
};
export default rule;
