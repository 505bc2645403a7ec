import rule from "../../lib/rules/mcast-host";
import { dpWith, win11 } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const mcast = (enabled = true) => ({ multicast: { enabled } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "multicast on full Server 2022", doc: dpWith(mcast()) },
    { name: "multicast disabled on Windows 11", doc: dpWith({ ...win11, ...mcast(false) }) },
  ],
  invalid: [
    {
      name: "multicast on Windows 11",
      doc: dpWith({ ...win11, ...mcast() }),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].multicast.enabled", message: ["Windows 11, a client OS", "Windows Deployment Services"] }],
    },
    { name: "multicast on Server Core", doc: dpWith({ serverCore: true, ...mcast() }), errors: [{ message: "Server Core of Windows Server 2022" }] },
  ],
});
