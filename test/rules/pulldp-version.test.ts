import rule from "../../lib/rules/pulldp-version";
import { pullDoc } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a pull DP on 2012 SP1, where pull DPs begin", doc: pullDoc({ pull1: ["dp0"] }, "2012 SP1") },
    { name: "a pull DP on 2403", doc: pullDoc({ pull1: ["dp0"] }) },
    { name: "no pull DP on 2012 RTM", doc: pullDoc({}, "2012") },
  ],
  invalid: [
    {
      name: "a pull DP on 2012 RTM",
      doc: pullDoc({ pull1: ["dp0"], pull2: ["dp0"] }, "2012"),
      errors: [
        { object: "dp:pull1.contoso.com", path: "distributionPoints[1].pull", message: ["ConfigMgr 2012 has no pull DPs", "2012 SP1"] },
        { object: "dp:pull2.contoso.com", path: "distributionPoints[2].pull" },
      ],
    },
  ],
});
