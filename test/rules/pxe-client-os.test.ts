import rule from "../../lib/rules/pxe-client-os";
import { osDp } from "../fixtures/builders-capacity";
import { dpWith, win11 } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const pxe = (responderWithoutWds: boolean, enabled = true) => ({ pxe: { enabled, responderWithoutWds } });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "Windows 11 with the responder without WDS on 1806", doc: dpWith({ ...win11, ...pxe(true) }, "1806") },
    { name: "Windows 11 with PXE disabled on 1802", doc: dpWith({ ...win11, ...pxe(false, false) }, "1802") },
    { name: "Server Core with the responder without WDS on 2403", doc: dpWith({ serverCore: true, ...pxe(true) }) },
    { name: "full Server 2022 with WDS on 1802", doc: dpWith(pxe(false), "1802") },
    { name: "Server 2008 R2 with PXE on 1910 (EFI network boot supported)", doc: osDp("windows-server-2008-r2", "1910", pxe(false)) },
    { name: "Server 2008 with PXE disabled", doc: osDp("windows-server-2008", "1910", pxe(false, false)) },
  ],
  invalid: [
    {
      name: "Server 2008 SP2 with PXE: a warning, no EFI network boot",
      doc: osDp("windows-server-2008", "1910", pxe(false)),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].pxe.enabled",
          severity: "warning",
          message: ["Windows Server 2008", "don't support network booting of client computers in EFI mode", "BIOS clients"],
        },
      ],
    },
    { name: "Server 2008 SP2 with PXE on 2012 SP1", doc: osDp("windows-server-2008", "2012 SP1", pxe(false)), errors: [{ severity: "warning", message: "EFI mode" }] },
    {
      name: "Windows 11 with WDS on 1806",
      doc: dpWith({ ...win11, ...pxe(false) }, "1806"),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].pxe.responderWithoutWds",
          message: ["PXE with WDS on Windows 11, a client OS", "only through the PXE responder without WDS"],
        },
      ],
    },
    {
      name: "Windows 11 with the responder without WDS on 1802",
      doc: dpWith({ ...win11, ...pxe(true) }, "1802"),
      errors: [{ path: "distributionPoints[0].pxe.enabled", message: ["ConfigMgr 1802 has no PXE there at all", "1806"] }],
    },
    {
      name: "Windows 11 with WDS on 1802",
      doc: dpWith({ ...win11, ...pxe(false) }, "1802"),
      errors: [{ path: "distributionPoints[0].pxe.enabled", message: "no PXE there at all" }],
    },
    {
      name: "the seed lab's Windows 7 with PXE on 2012 SP1",
      doc: (() => {
        const doc = labDoc();
        doc.distributionPoints[0].pxe = { enabled: true };
        return doc;
      })(),
      errors: [{ object: "dp:win701.lab.local", message: ["Windows 7, a client OS", "ConfigMgr 2012 SP1"] }],
    },
    {
      name: "Server Core with WDS on 2403",
      doc: dpWith({ serverCore: true, ...pxe(false) }),
      errors: [{ message: "Server Core of Windows Server 2022" }],
    },
  ],
});
