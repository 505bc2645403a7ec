import rule from "../../lib/rules/dp-os-supported";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const lab = (version: string) => ({ ...labDoc(), configMgrVersion: version });
const cb = (os: string, version = "2403") => {
  const doc = cbDoc();
  doc.configMgrVersion = version;
  doc.distributionPoints.push(serverDp("dp1.contoso.com", "P01", { os: os as never, edition: os.startsWith("windows-server") ? "standard" : "enterprise" }));
  return doc;
};

ruleTester(rule, {
  valid: [
    { name: "the seed lab: Windows 7 on 2012 SP1", doc: lab("2012 SP1") },
    { name: "Windows 7 on 1910, its last version", doc: lab("1910") },
    { name: "Windows 10 on 2503, its last version", doc: cb("windows-10", "2503") },
    { name: "Server 2025 on 2603", doc: cb("windows-server-2025", "2603") },
    { name: "Windows 11 on 2609 (newer than known: checked with 2603's facts)", doc: cb("windows-11", "2609") },
    { name: "Windows 11 from 2107", doc: cb("windows-11", "2107") },
    { name: "Server 2025 from 2409", doc: cb("windows-server-2025", "2409") },
    { name: "Server 2012 R2 on 2309", doc: cb("windows-server-2012-r2", "2309") },
  ],
  invalid: [
    {
      name: "the seed lab's Windows 7 DP declared against 2403",
      doc: lab("2403"),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].os",
          message: ["Windows 7", "2403", "2012 to 1910", "support ended after 1910"],
        },
      ],
    },
    { name: "Windows 10 on 2509 (removed)", doc: cb("windows-10", "2509"), errors: [{ message: ["Windows 10", "removed in 2509"] }] },
    { name: "Windows 10 on 2603", doc: cb("windows-10", "2603"), errors: [{ message: ["Windows 10", "2603"] }] },
    { name: "Server 2012 R2 on 2609 (checked with 2603's facts)", doc: cb("windows-server-2012-r2", "2609"), errors: [{ message: "2609" }] },
    { name: "Windows 11 before 2107", doc: cb("windows-11", "2103"), errors: [{ message: "2103 predates it" }] },
    { name: "Server 2003 in current branch", doc: cb("windows-server-2003", "1511"), errors: [{ message: "never supported by current branch" }] },
    { name: "Windows 8.1 on 2012 SP1", doc: cb("windows-8.1", "2012 SP1"), errors: [{}] },
    { name: "Server 2012 R2 on 2403", doc: cb("windows-server-2012-r2", "2403"), errors: [{ message: "site upgrade is blocked" }] },
  ],
});
