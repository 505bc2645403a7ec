import rule from "../../lib/rules/pxe-nowds-version";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const nowds = (enabled = true) => ({ pxe: { enabled, responderWithoutWds: true } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "the responder without WDS on 1806", doc: dpWith(nowds(), "1806") },
    { name: "WDS PXE on 1802", doc: dpWith({ pxe: { enabled: true, responderWithoutWds: false } }, "1802") },
    { name: "the responder set but PXE disabled on 1802", doc: dpWith(nowds(false), "1802") },
  ],
  invalid: [
    {
      name: "the responder without WDS on 1802",
      doc: dpWith(nowds(), "1802"),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].pxe.responderWithoutWds", message: ["ConfigMgr 1802", "1806"] }],
    },
    { name: "the responder without WDS on 2012 R2 SP1", doc: dpWith(nowds(), "2012 R2 SP1"), errors: [{ message: "2012 R2 SP1" }] },
  ],
});
