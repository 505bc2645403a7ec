import rule from "../../lib/rules/dp-server-core";
import { labWith, osDp, type Dp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const core = (os: Dp["os"], serverCore = true) => osDp(os, "2403", { serverCore });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "Server Core 2012", doc: core("windows-server-2012") },
    { name: "Server Core 2012 R2", doc: core("windows-server-2012-r2") },
    { name: "Server Core 2022", doc: core("windows-server-2022") },
    { name: "full Server 2008 R2", doc: core("windows-server-2008-r2", false) },
  ],
  invalid: [
    {
      name: "Server Core 2008 R2",
      doc: core("windows-server-2008-r2"),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].serverCore", message: ["Server Core of Windows Server 2008 R2", "2012 or later"] }],
    },
    { name: "Server Core 2008", doc: core("windows-server-2008"), errors: [{ message: "Windows Server 2008" }] },
    { name: "Server Core 2003", doc: core("windows-server-2003"), errors: [{ message: "Windows Server 2003" }] },
    { name: "serverCore on Windows 10 (a client OS)", doc: core("windows-10"), errors: [{ message: ["Windows 10, a client OS", "Windows Server only"] }] },
    { name: "serverCore on the seed lab's Windows 7", doc: labWith({ serverCore: true }), errors: [{ object: "dp:win701.lab.local", message: "client OS" }] },
  ],
});
