import rule from "../../lib/rules/dp-storage";
import { labWith, type Dp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const storage = (s: Dp["storage"]) => labWith({ storage: s });

ruleTester(rule, {
  valid: [
    { name: "the seed lab (C, C)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "lower-case letters and Automatic (normalised)", doc: storage({ primaryContentLibrary: "d", primaryPackageShare: "Automatic" }) },
    {
      name: "all four locations",
      doc: storage({ primaryContentLibrary: "D", secondaryContentLibrary: "E", primaryPackageShare: "automatic", secondaryPackageShare: "F" }),
    },
    { name: "no storage block", doc: labWith({ storage: undefined }) },
  ],
  invalid: [
    {
      name: "two letters",
      doc: storage({ primaryContentLibrary: "CD" }),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].storage.primaryContentLibrary",
          message: ['storage.primaryContentLibrary "CD"', 'neither a drive letter A–Z nor "automatic"'],
        },
      ],
    },
    { name: "a colon", doc: storage({ primaryPackageShare: "c:" }), errors: [{ path: "distributionPoints[0].storage.primaryPackageShare", message: '"C:"' }] },
    { name: "a digit", doc: storage({ primaryContentLibrary: "D", secondaryContentLibrary: "1" }), errors: [{ path: "distributionPoints[0].storage.secondaryContentLibrary" }] },
    {
      name: "a secondary content library without a primary one",
      doc: storage({ secondaryContentLibrary: "E" }),
      errors: [{ path: "distributionPoints[0].storage.secondaryContentLibrary", message: "without storage.primaryContentLibrary" }],
    },
    {
      name: "a secondary package share without a primary one",
      doc: storage({ primaryContentLibrary: "D", secondaryPackageShare: "E" }),
      errors: [{ path: "distributionPoints[0].storage.secondaryPackageShare", message: "without storage.primaryPackageShare" }],
    },
    {
      name: "a bad letter and a missing primary",
      doc: storage({ secondaryContentLibrary: "EF" }),
      errors: [{ message: '"EF"' }, { message: "without storage.primaryContentLibrary" }],
    },
  ],
});
