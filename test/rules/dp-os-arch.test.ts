import rule from "../../lib/rules/dp-os-arch";
import { labWith, osDp, type Dp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const arch = (os: Dp["os"], architecture: Dp["architecture"]) => osDp(os, "2403", { architecture });

ruleTester(rule, {
  valid: [
    { name: "the seed lab: Windows 7 x64", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "Windows 7 x86", doc: labWith({ architecture: "x86" }) },
    { name: "Windows 10 x86", doc: arch("windows-10", "x86") },
    { name: "Server 2008 x86", doc: arch("windows-server-2008", "x86") },
    { name: "Server 2022 x64", doc: arch("windows-server-2022", "x64") },
  ],
  invalid: [
    {
      name: "Windows 11 x86",
      doc: arch("windows-11", "x86"),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].architecture", message: ["Windows 11 on x86", "x64 only"] }],
    },
    { name: "Server 2008 R2 x86", doc: arch("windows-server-2008-r2", "x86"), errors: [{ message: "x64 only" }] },
    { name: "Server 2016 x86", doc: arch("windows-server-2016", "x86"), errors: [{}] },
    { name: "Server 2022 arm64", doc: arch("windows-server-2022", "arm64"), errors: [{ message: "arm64" }] },
    { name: "Windows 10 arm64", doc: arch("windows-10", "arm64"), errors: [{ message: "x86 or x64 only" }] },
  ],
});
