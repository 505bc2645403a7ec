import rule from "../../lib/rules/https-internet";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the seed lab (http, intranet by default)", doc: labDoc() },
    { name: "intranet over http", doc: dpWith({ clientConnectionType: "intranet", clientConnection: "http" }) },
    { name: "internet over https", doc: dpWith({ clientConnectionType: "internet", clientConnection: "https" }) },
    { name: "internet and intranet over https", doc: dpWith({ clientConnectionType: "internetAndIntranet", clientConnection: "https" }) },
  ],
  invalid: [
    {
      name: "internet over http",
      doc: dpWith({ clientConnectionType: "internet", clientConnection: "http" }),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].clientConnection", message: ["internet clients", "over http", "need HTTPS"] }],
    },
    {
      name: "internet and intranet over the default http",
      doc: dpWith({ clientConnectionType: "internetAndIntranet" }),
      errors: [{ message: "internet and intranet clients" }],
    },
  ],
});
