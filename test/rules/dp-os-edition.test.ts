import rule from "../../lib/rules/dp-os-edition";
import { labWith, osDp, type Dp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const ed = (os: Dp["os"], edition: Dp["edition"], version = "2403") => osDp(os, version, { edition });

ruleTester(rule, {
  valid: [
    { name: "the seed lab: Windows 7 Enterprise", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "Windows 7 Ultimate", doc: labWith({ edition: "ultimate" }) },
    { name: "Windows 7 Professional", doc: labWith({ edition: "professional" }) },
    { name: "Windows 10 Education", doc: ed("windows-10", "education") },
    { name: "Windows 11 Professional", doc: ed("windows-11", "professional") },
    { name: "Server 2022 Datacenter", doc: ed("windows-server-2022", "datacenter") },
    { name: "Server 2008 R2 Enterprise", doc: ed("windows-server-2008-r2", "enterprise") },
    { name: "Windows 10 Education from 2107", doc: ed("windows-10", "education", "2107") },
    { name: "Windows 10 Pro Education on 2503", doc: ed("windows-10", "pro-education", "2503") },
    { name: "Windows 10 Pro for Workstations on 2107", doc: ed("windows-10", "pro-for-workstations", "2107") },
    { name: "Windows 10 Pro on 1511", doc: ed("windows-10", "professional", "1511") },
    { name: "Windows 11 Pro Education on 2603", doc: ed("windows-11", "pro-education", "2603") },
    { name: "Server 2022 Datacenter: Azure Edition", doc: ed("windows-server-2022", "datacenter-azure-edition", "2107") },
    { name: "Server 2025 Datacenter: Azure Edition on 2603", doc: ed("windows-server-2025", "datacenter-azure-edition", "2603") },
    { name: "Server 2025 Datacenter: Azure Edition on 2609 (newer than known: 2603's facts)", doc: ed("windows-server-2025", "datacenter-azure-edition", "2609") },
  ],
  invalid: [
    {
      name: "Windows 10 Home",
      doc: ed("windows-10", "home"),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].edition", message: ["Home editions are never supported", "Windows Authentication"] }],
    },
    { name: "Windows 7 Home", doc: labWith({ edition: "home" }), errors: [{ message: "Windows Authentication" }] },
    { name: "Windows 8 Ultimate (Windows 7 only)", doc: ed("windows-8", "ultimate"), errors: [{ message: "professional, enterprise editions only" }] },
    { name: "Windows 7 Education (10/11 only)", doc: labWith({ edition: "education" }), errors: [{ message: "Windows 7" }] },
    { name: "Windows 10 Standard (a server edition)", doc: ed("windows-10", "standard"), errors: [{ message: ["Windows Server edition", "client OS"] }] },
    {
      name: "Server 2022 Professional (a client edition)",
      doc: ed("windows-server-2022", "professional"),
      errors: [{ message: ["client Windows edition", "server OS"] }],
    },
    { name: "Server 2022 Enterprise (no such edition since 2012)", doc: ed("windows-server-2022", "enterprise"), errors: [{ message: "standard, datacenter" }] },
    {
      name: "Windows 10 Education on 2103: Pro and Enterprise only before 2107",
      doc: ed("windows-10", "education", "2103"),
      errors: [{ path: "distributionPoints[0].edition", message: ["ConfigMgr 2103 supports Windows 10", "professional, enterprise editions only", "education edition is supported from 2107"] }],
    },
    { name: "Windows 10 Pro for Workstations on 1906", doc: ed("windows-10", "pro-for-workstations", "1906"), errors: [{ message: "supported from 2107" }] },
    { name: "Windows 10 Education on 1511", doc: ed("windows-10", "education", "1511"), errors: [{ message: "professional, enterprise editions only" }] },
    { name: "Datacenter: Azure Edition of Server 2019 (2022 and 2025 only)", doc: ed("windows-server-2019", "datacenter-azure-edition"), errors: [{ message: "standard, datacenter editions only" }] },
    { name: "Windows 11 Datacenter: Azure Edition (a server edition)", doc: ed("windows-11", "datacenter-azure-edition"), errors: [{ message: "Windows Server edition" }] },
  ],
});
