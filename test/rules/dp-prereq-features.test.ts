import rule from "../../lib/rules/dp-prereq-features";
import { labWith, osDp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const FEATURES = ["Remote Differential Compression (RDC)", "ISAPI Extensions", "Windows Authentication", "IIS 6 Metabase Compatibility", "IIS 6 WMI Compatibility"];

ruleTester(rule, {
  valid: [
    { name: "the seed lab (prepareHost by default)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "prepareHost: false with hostHas.features", doc: labWith({ prepareHost: false, hostHas: { features: true } }) },
    { name: "Server 2008 R2 prepared by the library", doc: osDp("windows-server-2008-r2", "1910") },
    { name: "Server 2008 prepared by hand", doc: osDp("windows-server-2008", "1910", { prepareHost: false, hostHas: { features: true, localAdmin: true } }) },
  ],
  invalid: [
    {
      name: "prepareHost: false and nothing declared",
      doc: labWith({ prepareHost: false }),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].prepareHost",
          message: [...FEATURES, "installIIS alone would not be enough", "leaves RDC to you"],
        },
      ],
    },
    {
      name: "prepareHost: false with installIIS only",
      doc: labWith({ prepareHost: false, installIIS: true, hostHas: { localAdmin: true } }),
      errors: [{ message: ["installIIS: true is not enough on its own", "leaves RDC to you"] }],
    },
    {
      name: "Server 2008 with prepareHost by default",
      doc: osDp("windows-server-2008", "1910"),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].prepareHost",
          message: ["Windows Server 2008 with prepareHost: true", "no host-preparation script", "Windows Server 2008 R2"],
        },
      ],
    },
    {
      name: "Server 2003 with prepareHost: true, even with hostHas declared",
      doc: osDp("windows-server-2003", "2012 SP1", { prepareHost: true, hostHas: { features: true, localAdmin: true } }),
      errors: [{ message: ["Windows Server 2003", "no host-preparation script"] }],
    },
  ],
});
