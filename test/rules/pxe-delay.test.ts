import rule from "../../lib/rules/pxe-delay";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const delay = (responseDelaySeconds: number) => dpWith({ pxe: { enabled: true, responseDelaySeconds } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "0 seconds", doc: delay(0) },
    { name: "32 seconds", doc: delay(32) },
    { name: "the default", doc: dpWith({ pxe: { enabled: true } }) },
  ],
  invalid: [
    {
      name: "33 seconds",
      doc: delay(33),
      errors: [
        { object: "dp:dp1.contoso.com", path: "distributionPoints[0].pxe.responseDelaySeconds", limit: 32, actual: 33, message: ["33 seconds", "0 to 32"] },
      ],
    },
    { name: "-1 second", doc: delay(-1), errors: [{ limit: 0, actual: -1 }] },
    { name: "33 seconds with PXE disabled (still a wrong value)", doc: dpWith({ pxe: { enabled: false, responseDelaySeconds: 33 } }), errors: [{ actual: 33 }] },
  ],
});
