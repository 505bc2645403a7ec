import type { OsId } from "../topology/schema";
import { describeRange, inRange } from "../topology/version";
import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-OS-SUPPORTED",
  severity: "error",
  title: "The DP's OS is supported as a distribution point host by configMgrVersion.",
  needsVersion: true,
  sources: ["S-OS"],
  fix: "Host the DP on an OS that this ConfigMgr version supports, or declare the version the site really runs.",
  checkDps(dps, model, report) {
    const version = model.version!;
    // The verdict depends on the OS alone: decided once per OS, not per DP.
    const supported = new Set((Object.keys(OS_MATRIX) as OsId[]).filter((id) => inRange(version, OS_MATRIX[id].supported)));
    for (const dp of dps) {
      if (supported.has(dp.doc.os)) continue;
      const os = OS_MATRIX[dp.doc.os];
      const tooNew = os.supported.to !== undefined && !inRange(version, { to: os.supported.to });
      const supportedNow = Object.values(OS_MATRIX)
        .filter((o) => o.client === os.client && inRange(version, o.supported))
        .map((o) => o.label);
      const alternatives = supportedNow.length > 0 ? ` (${version.label} supports ${supportedNow.join(", ")})` : "";
      report({
        object: dp.ref,
        path: [...dp.path, "os"],
        message:
          `runs ${os.label}, which ConfigMgr ${version.label} does not support as a distribution point host: ` +
          `${os.label} is supported by ${describeRange(os.supported)}` +
          (tooNew ? `, and support ended after ${os.supported.to}` : `, and ${version.label} predates it`) +
          (os.note ? ` (${os.note})` : ""),
        fix: `Move the DP to a supported OS${alternatives}, or set configMgrVersion to a version that supports ${os.label}.`,
      });
    }
  },
};
export default rule;
