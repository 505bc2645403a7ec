import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

/** ARM64 DP hosts: no source says they are supported (limits-sources.md: UNCONFIRMED), so arm64 is rejected. */
const rule: Rule = {
  id: "DP-OS-ARCH",
  severity: "error",
  title: "The DP host's architecture exists for its OS and is supported: x64 only for Windows 11 and Windows Server 2008 R2 and later; x86 or x64 for Windows Server 2008 and client OS up to Windows 10.",
  sources: ["S-OS"],
  fix: "Install the DP host with a supported architecture, or declare the one it really runs.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const os = OS_MATRIX[dp.doc.os];
      const arch = dp.doc.architecture;
      if (os.architectures.includes(arch)) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "architecture"],
        message: `runs ${os.label} on ${arch}; ${os.label} is supported as a distribution point host on ${os.architectures.join(" or ")} only`,
        fix: `Use ${os.architectures.join(" or ")} ${os.label} for the DP host, or declare the architecture it really runs.`,
      });
    }
  },
};
export default rule;
