import type { Rule } from "./types";

const rule: Rule = {
  id: "HTTPS-INTERNET",
  severity: "error",
  title: "A DP that accepts internet clients (clientConnectionType internet or internetAndIntranet) uses HTTPS.",
  sources: ["S-CMDLET"],
  fix: "Set clientConnection: https (with a PKI certificate on the DP), or clientConnectionType: intranet.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const type = dp.doc.clientConnectionType;
      if (type === "intranet" || dp.doc.clientConnection === "https") continue;
      report({
        object: dp.ref,
        path: [...dp.path, "clientConnection"],
        message:
          `accepts ${type === "internet" ? "internet" : "internet and intranet"} clients (clientConnectionType ${type}) over ${dp.doc.clientConnection}; ` +
          "internet client connections need HTTPS, which Add-CMDistributionPoint enforces since 1702",
      });
    }
  },
};
export default rule;
