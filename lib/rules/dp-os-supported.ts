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
  check(model, report) {
    const version = model.version!;
    for (const dp of model.dps) {
      const os = OS_MATRIX[dp.doc.os];
      if (inRange(version, os.supported)) continue;
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
