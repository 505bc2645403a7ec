import rule from "../../lib/rules/dp-hw-min";
import { labWith } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const hw = (cores: number, memoryGB: number) => labWith({ hardware: { cores, memoryGB } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab: 2 cores, 8 GB", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "4 cores, 16 GB", doc: hw(4, 16) },
  ],
  invalid: [
    {
      name: "1 core",
      doc: hw(1, 8),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].hardware.cores",
          limit: 2,
          actual: 1,
          message: ["has 1 core", "Microsoft's recommended hardware for a distribution point", "the seed article calls it the minimum", "is 2 cores"],
        },
      ],
    },
    {
      name: "7.5 GB",
      doc: hw(2, 7.5),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].hardware.memoryGB",
          limit: 8,
          actual: 7.5,
          message: ["has 7.5 GB of memory", "Microsoft's recommended hardware for a distribution point", "is 8 GB of memory"],
        },
      ],
    },
    {
      name: "1 core and 4 GB: one finding per value",
      doc: hw(1, 4),
      errors: [
        { path: "distributionPoints[0].hardware.cores", actual: 1 },
        { path: "distributionPoints[0].hardware.memoryGB", actual: 4 },
      ],
    },
  ],
});
