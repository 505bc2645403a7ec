import rule from "../../lib/rules/dp-content-max";
import { cbWith, labWith } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const content = (packages: number, applications: number) => cbWith({ content: { packages, applications } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab (160)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "10,000 combined", doc: content(9000, 1000) },
    { name: "10,000 packages only", doc: content(10000, 0) },
    { name: "no content block", doc: cbWith() },
  ],
  invalid: [
    {
      name: "10,001 combined",
      doc: content(9000, 1001),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].content",
          limit: 10000,
          actual: 10001,
          message: ["10,001 packages and applications", "9,000 packages + 1,001 applications", "at most 10,000"],
        },
      ],
    },
    { name: "10,001 applications only", doc: content(0, 10001), errors: [{ limit: 10000, actual: 10001 }] },
  ],
});
