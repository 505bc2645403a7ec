import rule from "../../lib/rules/dp-disk-space";
import { cbWith, labWith, type Dp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

type Disks = NonNullable<Dp["disks"]>;

/** A DP with these disks and content size; reserve explicit when given, else the version's default. */
function disk(disks: Disks, sizeGB: number, version = "2403", minimumFreeSpaceMB?: number) {
  return cbWith(
    {
      disks,
      content: { packages: 1, applications: 0, sizeGB },
      ...(minimumFreeSpaceMB !== undefined ? { storage: { minimumFreeSpaceMB } } : {}),
    },
    version,
  );
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab (60 GB on 90 GB free)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "9.5 GB on 10 GB free with the 2403 default reserve of 500 MB (9.51 usable)", doc: disk([{ drive: "C", freeGB: 10 }], 9.5) },
    { name: "9.95 GB on 10 GB free with the 2012 SP1 default of 50 MB (9.95 usable)", doc: disk([{ drive: "C", freeGB: 10 }], 9.95, "2012 SP1") },
    { name: "content spread over two drives", doc: disk([{ drive: "C", freeGB: 5 }, { drive: "D", freeGB: 5 }], 9, "2403", 500) },
    { name: "a drive with less free space than the reserve adds nothing, but takes nothing", doc: disk([{ drive: "C", freeGB: 0.2 }, { drive: "D", freeGB: 10 }], 9.5) },
    { name: "sizeGB without disks", doc: cbWith({ content: { packages: 1, applications: 0, sizeGB: 5000 } }) },
    { name: "disks without sizeGB", doc: cbWith({ disks: [{ drive: "C", freeGB: 1 }], content: { packages: 1, applications: 0 } }) },
  ],
  invalid: [
    {
      name: "9.6 GB on 10 GB free with the 2403 default reserve",
      doc: disk([{ drive: "C", freeGB: 10 }], 9.6),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].content.sizeGB",
          limit: 9.5,
          actual: 9.6,
          message: ["holds 9.6 GB of content", "only 9.5 GB", "C: 10 GB free", "500 MB kept free on each"],
        },
      ],
    },
    {
      name: "9.96 GB on 10 GB free with the 2012 SP1 default of 50 MB",
      doc: disk([{ drive: "C", freeGB: 10 }], 9.96, "2012 SP1"),
      errors: [{ limit: 9.9, actual: 9.96, message: "50 MB kept free" }],
    },
    {
      name: "two drives, explicit reserve of 1,024 MB",
      doc: disk([{ drive: "C", freeGB: 5 }, { drive: "D", freeGB: 5 }], 8.5, "2403", 1024),
      errors: [{ limit: 8, actual: 8.5, message: ["C: 5 GB free, D: 5 GB free", "1,024 MB kept free"] }],
    },
    {
      name: "the seed lab with 100 GB of content on 90 GB free",
      doc: labWith({ content: { packages: 120, applications: 40, sizeGB: 100 } }),
      errors: [{ object: "dp:win701.lab.local", limit: 89.9, actual: 100 }],
    },
    { name: "an empty disk list", doc: disk([], 1), errors: [{ limit: 0, actual: 1, message: "no drive declared" }] },
  ],
});
