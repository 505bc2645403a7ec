import type { DpNode } from "../topology/model";
import { atLeast, type Version } from "../topology/version";
import { n } from "./format";
import type { Rule } from "./types";

/**
 * Default "drive space reserve" of a DP (MicrosoftDocs/sccm-docs-powershell-ref, commit
 * 0a351195 "revise for 2107", 2021-08-04):
 * - Add-CMDistributionPoint -MinimumFreeSpaceMB: "Starting in version 2107, the default minimum
 *   free space changed from 50 MB to 500 MB."
 * - New-CMSecondarySite -MinFreeSpaceMB, for the DP a secondary site installs on its own server:
 *   "Starting in version 2107, the default minimum free space changed from 200 MB to 500 MB."
 *   Which default the 2012 family gave that DP is not stated anywhere we could read (UNCONFIRMED);
 *   200 MB is used for every version before 2107.
 */
export function defaultReserveMB(version: Version, dp?: DpNode): number {
  if (atLeast(version, "2107")) return 500;
  return dp && isSecondarySiteOwnDp(dp) ? 200 : 50;
}

/** The DP that New-CMSecondarySite installs: on the secondary site's own server. */
export function isSecondarySiteOwnDp(dp: DpNode): boolean {
  return dp.site?.kind === "secondary" && dp.site.server === dp.server;
}

const rule: Rule = {
  id: "DP-FREE-SPACE-DEFAULT",
  severity: "warning",
  title: "minimumFreeSpaceMB is not below the version's default drive space reserve.",
  value: "50 MB before 2107 (a secondary site's own DP: 200 MB), 500 MB from 2107",
  needsVersion: true,
  sources: ["S-CMDLET"],
  fix: "Raise storage.minimumFreeSpaceMB to at least the version default, or leave it unset to get the default.",
  checkDps(dps, model, report) {
    const version = model.version!;
    for (const dp of dps) {
      const reserve = dp.doc.storage?.minimumFreeSpaceMB;
      if (reserve === undefined) continue;
      const floor = defaultReserveMB(version, dp);
      if (reserve >= floor) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "storage", "minimumFreeSpaceMB"],
        message:
          `keeps ${n(reserve)} MB free on its content drives (minimumFreeSpaceMB); ConfigMgr ${version.label} ` +
          `defaults to ${n(floor)} MB${isSecondarySiteOwnDp(dp) && !atLeast(version, "2107") ? " for a secondary site's own DP (New-CMSecondarySite)" : ""}, ` +
          "so a drive may fill up further than Microsoft intends",
        limit: floor,
        actual: reserve,
        fix: `Set storage.minimumFreeSpaceMB to ${n(floor)} or more, or leave it unset to get the default.`,
      });
    }
  },
};
export default rule;
