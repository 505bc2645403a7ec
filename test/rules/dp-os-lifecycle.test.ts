import rule from "../../lib/rules/dp-os-lifecycle";
import { labWith, osDp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the seed lab: Windows 7 on 2012 SP1", doc: labDoc() },
    { name: "Windows 7 on 1910 (released before its end of support)", doc: labWith({}, "1910") },
    { name: "the seed lab on 2403 (unsupported: DP-OS-SUPPORTED's business, not this rule's)", doc: labWith({}, "2403") },
    { name: "Windows 8.1 on 2211", doc: osDp("windows-8.1", "2211") },
    { name: "Windows 10 on 2503", doc: osDp("windows-10", "2503") },
    { name: "Server 2012 R2 on 2303", doc: osDp("windows-server-2012-r2", "2303") },
    { name: "Server 2016 on 1610", doc: osDp("windows-server-2016", "1610") },
    { name: "Server 2003 on 2012 R2 SP1 (released before its end of support)", doc: osDp("windows-server-2003", "2012 R2 SP1") },
    { name: "Server 2022 on 2509", doc: osDp("windows-server-2022", "2509") },
  ],
  invalid: [
    {
      name: "Windows 8 on 1602 (end of support 2016-01-12)",
      doc: osDp("windows-8", "1602"),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].os",
          severity: "warning",
          message: ["Windows 8", "1602", "2016-01-12", "end of Microsoft support"],
        },
      ],
    },
    { name: "Windows 8 on 1710", doc: osDp("windows-8", "1710"), errors: [{ message: "2016-01-12" }] },
    {
      name: "Server 2012 on 2309 (upgrade to 2403+ blocked)",
      doc: osDp("windows-server-2012", "2309"),
      errors: [{ message: ["Windows Server 2012", "upgrade to 2403 or later is blocked"] }],
    },
    {
      name: "Server 2012 R2 on 2309",
      doc: osDp("windows-server-2012-r2", "2309"),
      errors: [{ message: ["Windows Server 2012 R2", "upgrade to 2403 or later is blocked"] }],
    },
    {
      name: "Server 2016 on 1606 (needs KB3186654)",
      doc: osDp("windows-server-2016", "1606"),
      errors: [{ message: ["Windows Server 2016", "KB3186654"] }],
    },
  ],
});
