import type { OsId } from "../topology/schema";
import { inRange } from "../topology/version";
import { OS_MATRIX, releaseDate } from "./data/os-matrix";
import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-OS-LIFECYCLE",
  severity: "warning",
  title: "The version supports the DP's OS on paper, but the OS is past end of support at that version's release, or the OS comes with a caveat at that version.",
  needsVersion: true,
  sources: ["S-OS"],
  fix: "Move the DP to a Windows version still in Microsoft support before upgrading ConfigMgr further.",
  checkDps(dps, model, report) {
    const version = model.version!;
    const released = releaseDate(version.label);
    // Whether there is anything to say depends on the OS alone: decided once per OS, not per DP
    // (an OS this version does not support is DP-OS-SUPPORTED's to report).
    const quiet = new Set(
      (Object.keys(OS_MATRIX) as OsId[]).filter((id) => {
        const os = OS_MATRIX[id];
        const pastEnd = os.endOfSupport !== undefined && os.endOfSupport < released;
        return !inRange(version, os.supported) || (!pastEnd && !os.caveats?.[version.label]);
      }),
    );
    for (const dp of dps) {
      if (quiet.has(dp.doc.os)) continue;
      const os = OS_MATRIX[dp.doc.os];
      const reasons: string[] = [];
      if (os.endOfSupport !== undefined && os.endOfSupport < released) {
        reasons.push(
          `${os.label} reached the end of Microsoft support on ${os.endOfSupport}, before ConfigMgr ${version.label} was released ` +
            `(${released.slice(0, 7)}); ConfigMgr does not support site systems on an OS past its end of support`,
        );
      }
      const caveat = os.caveats?.[version.label];
      if (caveat) reasons.push(caveat.warning);
      if (reasons.length === 0) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "os"],
        message: `runs ${os.label}, which ConfigMgr ${version.label} lists as a supported distribution point host, but ${reasons.join("; and ")}`,
        fix:
          caveat?.fix ??
          "Move the DP to a Windows version still in Microsoft support (or remove the DP role from this host) before upgrading ConfigMgr further.",
      });
    }
  },
};
export default rule;
