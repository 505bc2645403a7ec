import { defaultReserveMB } from "./dp-free-space-default";
import { n } from "./format";
import type { Rule } from "./types";

/** Rounded down to 0.1 GB (the small epsilon absorbs binary noise such as 45.29999…). */
const tenthDown = (gb: number): number => Math.floor(gb * 10 + 1e-9) / 10;

const rule: Rule = {
  id: "DP-DISK-SPACE",
  severity: "error",
  title: "The content fits on the DP's drives with minimumFreeSpaceMB kept free on each.",
  sources: ["S-DP"],
  fix: "Add or enlarge a drive on the DP host, lower content.sizeGB by distributing less content, or lower minimumFreeSpaceMB.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const size = dp.doc.content?.sizeGB;
      const disks = dp.doc.disks;
      if (size === undefined || disks === undefined) continue;
      const reserveMB = dp.doc.storage?.minimumFreeSpaceMB ?? (model.version && defaultReserveMB(model.version, dp));
      if (reserveMB === undefined) continue; // the default depends on the version, which VERSION-FORMAT reports
      // The content library fills the configured drives, then spans to the drive with the most
      // free space, stopping short of the reserve on each: every drive can hold content.
      const reserveGB = reserveMB / 1024;
      let usable = 0;
      for (const disk of disks) usable += Math.max(0, disk.freeGB - reserveGB);
      if (size <= usable) continue;
      const limit = tenthDown(usable);
      const drives = disks.map((d) => `${d.drive}: ${n(d.freeGB)} GB free`).join(", ");
      report({
        object: dp.ref,
        path: [...dp.path, "content", "sizeGB"],
        message:
          `holds ${n(size)} GB of content, but its drives offer only ${n(limit)} GB ` +
          `(${drives || "no drive declared"}; ${n(reserveMB)} MB kept free on each)`,
        limit,
        actual: size,
      });
    }
  },
};
export default rule;
