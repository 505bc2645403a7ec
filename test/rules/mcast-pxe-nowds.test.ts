import rule from "../../lib/rules/mcast-pxe-nowds";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const dp = (multicast: boolean, pxe: boolean, responderWithoutWds: boolean) =>
  dpWith({ multicast: { enabled: multicast }, pxe: { enabled: pxe, responderWithoutWds } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "multicast with WDS PXE", doc: dp(true, true, false) },
    { name: "the responder without WDS, multicast disabled", doc: dp(false, true, true) },
    { name: "multicast, PXE disabled", doc: dp(true, false, true) },
  ],
  invalid: [
    {
      name: "multicast and the responder without WDS",
      doc: dp(true, true, true),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].multicast.enabled", message: ["multicast together with the PXE responder without WDS"] }],
    },
  ],
});
