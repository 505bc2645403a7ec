import type { TopologyInput } from "../../lib/topology/schema";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";

type Doc = ReturnType<typeof labDoc>;
type Dp = Doc["distributionPoints"][number];

/**
 * Documents for the Pulumi tests: a multi-site hierarchy that validates clean, and documents
 * that break many rules of rules.md at once, so that the per-object checks can be compared with
 * the whole-document verdict whatever rules the catalog holds.
 */

/** CAS, two primaries, secondaries, pull DPs, a client-OS DP with a failover, boundary groups. */
export function multiSiteDoc(): Doc {
  return {
    configMgrVersion: "2403",
    domain: "CONTOSO",
    cas: { siteCode: "CAS", server: "cm00.contoso.com", sqlEdition: "enterprise" },
    primarySites: [
      { siteCode: "P01", name: "Headquarters", server: "cm01.contoso.com", clients: 40_000 },
      { siteCode: "P02", name: "Europe", server: "cm02.contoso.com", clients: 12_000 },
    ],
    secondarySites: [
      { siteCode: "S01", parent: "P01", server: "sec01.contoso.com", clients: 800, maxClientsPerDistributionPoint: 2000 },
      { siteCode: "S02", parent: "P02", server: "sec02.contoso.com", clients: 300 },
    ],
    boundaryGroups: [
      { name: "HQ", assignedSite: "P01", clients: 9000, boundaries: [{ ipSubnet: "10.1.0.0/16" }] },
      { name: "Branch Paris", assignedSite: "P02", clients: 40, boundaries: [{ ipRange: "10.2.0.10-10.2.0.200" }] },
      { name: "Remote", assignedSite: "P01", clients: 800, boundaries: [{ adSite: "Remote-Site" }] },
      { name: "VPN", assignedSite: "P01", clients: 500, boundaries: [{ vpn: "Name:Contoso VPN" }] },
    ],
    distributionPoints: [
      serverDp("dp1.contoso.com", "P01", { boundaryGroups: ["HQ", "VPN"] }),
      serverDp("dp2.contoso.com", "P01", { boundaryGroups: ["HQ"], storage: { primaryContentLibrary: "D", minimumFreeSpaceMB: 500 } }),
      serverDp("dp3.contoso.com", "P01", { boundaryGroups: ["hq"], pull: { sources: [{ server: "dp1.contoso.com", rank: 1 }, { server: "dp2.contoso.com", rank: 2 }] } }),
      serverDp("sec01.contoso.com", "S01", { boundaryGroups: ["Remote"] }),
      serverDp("dp5.contoso.com", "P02", { boundaryGroups: ["Branch Paris"] }),
      {
        ...serverDp("win10.contoso.com", "P02", { boundaryGroups: ["Branch Paris"] }),
        os: "windows-10",
        edition: "enterprise",
        hardware: { cores: 4, memoryGB: 8 },
      },
      serverDp("dp7.contoso.com", "S02", {
        boundaryGroups: ["Branch Paris"],
        pull: { sources: [{ server: "dp5.contoso.com", rank: 1 }] },
        pxe: { enabled: true, responseDelaySeconds: 5 },
      }),
    ],
  };
}

/** One document that breaks as many rules as it can, on as many kinds of objects as it can. */
export function violationsDoc(): Doc {
  const dp = (server: string, site: string, extra: Partial<Dp> = {}) => serverDp(server, site, { boundaryGroups: ["Main"], ...extra });
  return {
    configMgrVersion: "2403",
    domain: "CONTOSO",
    cas: { siteCode: "CAS", server: "cm00.contoso.com", sqlEdition: "standard" },
    primarySites: [
      { siteCode: "P01", server: "cm01.contoso.com", clients: 200_000 },
      { siteCode: "CON", server: "cm02.contoso.com" },
      { siteCode: "P3", server: "averyveryverylongname.contoso.com" },
    ],
    secondarySites: [
      { siteCode: "S01", parent: "P01", server: "sec01.contoso.com", maxClientsPerDistributionPoint: 100 },
      { siteCode: "S02", parent: "S01", server: "sec02.contoso.com", clients: 20_000 },
      { siteCode: "S03", parent: "ZZ1", server: "sec03.contoso.com" },
    ],
    boundaryGroups: [
      { name: "Main", assignedSite: "P01", clients: 1000, boundaries: [{ ipSubnet: "10.0.0.0/8" }] },
      { name: "Lonely", assignedSite: "P01", clients: 30, boundaries: [{ ipSubnet: "10.0.0.0/16" }] },
      { name: "Empty", assignedSite: "S01", clients: 50, boundaries: [{ ipSubnet: "10.0.0.1/24" }, { ipRange: "10.9.9.9-10.9.9.1" }] },
      { name: "Nowhere", assignedSite: "XYZ", boundaries: [{ vpn: "Bogus" }, { ipv6Prefix: "not-a-prefix" }] },
      { name: "Secondary", assignedSite: "P01", clients: 300, boundaries: [{ adSite: "Sec" }] },
    ],
    distributionPoints: [
      dp("oncas.contoso.com", "CAS"),
      dp("small.contoso.com", "P01", { hardware: { cores: 1, memoryGB: 4 } }),
      dp("waived.contoso.com", "P01", { hardware: { cores: 1, memoryGB: 4 } }),
      { ...dp("win7.contoso.com", "P01"), os: "windows-7", edition: "enterprise" },
      { ...dp("home.contoso.com", "P01"), os: "windows-10", edition: "home" },
      { ...dp("win11.contoso.com", "P01"), os: "windows-11", edition: "enterprise", architecture: "x86" },
      { ...dp("alone.contoso.com", "P01", { boundaryGroups: ["Lonely"] }), os: "windows-10", edition: "enterprise" },
      dp("busy.contoso.com", "P01", { clients: 5000 }),
      dp("secdp.contoso.com", "S01", { boundaryGroups: ["Secondary"] }),
      dp("content.contoso.com", "P01", {
        content: { packages: 9000, applications: 2000, sizeGB: 100 },
        disks: [{ drive: "C", freeGB: 50 }],
        storage: { primaryContentLibrary: "C", secondaryPackageShare: "D", minimumFreeSpaceMB: 10 },
      }),
      dp("noprep.contoso.com", "P01", { prepareHost: false }),
      dp("pullbad.contoso.com", "P01", { pull: { sources: [{ server: "ghost.contoso.com", rank: 0 }] } }),
      dp("cm01.contoso.com", "P01", { pull: { sources: [{ server: "small.contoso.com", rank: 1 }] } }),
      dp("pullfar.contoso.com", "P01", { pull: { sources: [{ server: "secdp.contoso.com", rank: 1 }] } }),
      dp("cyc1.contoso.com", "P01", { pull: { sources: [{ server: "cyc2.contoso.com", rank: 1 }] } }),
      dp("cyc2.contoso.com", "P01", { pull: { sources: [{ server: "cyc1.contoso.com", rank: 1 }] } }),
      dp("pxe.contoso.com", "P01", { pxe: { enabled: true, responseDelaySeconds: 40 } }),
      { ...dp("pxeclient.contoso.com", "P01"), os: "windows-10", edition: "enterprise", pxe: { enabled: true } },
      {
        ...dp("mcast.contoso.com", "P01"),
        os: "windows-10",
        edition: "enterprise",
        multicast: { enabled: true, addressRange: { start: "10.0.0.1", end: "10.0.0.9" }, udpPorts: { start: 70000, end: 1 } },
      },
      dp("mcastpxe.contoso.com", "P01", { pxe: { enabled: true, responderWithoutWds: true }, multicast: { enabled: true } }),
      dp("cv.contoso.com", "P01", { contentValidation: { schedule: { recur: "hourly", at: "25:99" } } }),
      dp("nogroup.contoso.com", "P01", { boundaryGroups: [] }),
      dp("ghostgroup.contoso.com", "P01", { boundaryGroups: ["No Such Group"] }),
      dp("cm02.contoso.com", "P01"),
      dp("core.contoso.com", "P01", { os: "windows-server-2008-r2", serverCore: true }),
      dp("old.contoso.com", "P01", { os: "windows-server-2012" }),
      dp("averyveryverylongdpname.contoso.com", "P01"),
      dp("https.contoso.com", "P01", { clientConnection: "https", clientConnectionType: "internet" }),
    ],
    waivers: [
      { rule: "DP-HW-MIN", object: "dp:waived.contoso.com", reason: "lab VM, accepted" },
      { rule: "SITE-CLIENTS-MAX", object: "site:p01", reason: "migration in progress" },
    ],
  };
}

/** Older versions, for the version-gated rules. */
export function oldVersionDocs(): Doc[] {
  const rtm = labDoc();
  rtm.configMgrVersion = "2012";
  rtm.distributionPoints.push(serverDp("pull.lab.local", "P01", { os: "windows-server-2008-r2", boundaryGroups: ["Lab HQ"], pull: { sources: [{ server: "win701.lab.local", rank: 1 }] } }));
  const v1802 = cbDoc();
  v1802.configMgrVersion = "1802";
  v1802.boundaryGroups = [{ name: "G", clients: 10, boundaries: [{ vpn: "Auto:On" }] }];
  v1802.distributionPoints = [
    serverDp("dp1.contoso.com", "P01", { os: "windows-server-2016", boundaryGroups: ["G"], pxe: { enabled: true, responderWithoutWds: true } }),
    { ...serverDp("w10.contoso.com", "P01", { boundaryGroups: ["G"] }), os: "windows-10", edition: "professional", pxe: { enabled: true, responderWithoutWds: true } },
  ];
  return [rtm, v1802];
}

/** Counting limits: 251 standard DPs at a secondary, 251 secondaries under a primary. */
export function countsDoc(): TopologyInput & Doc {
  const doc = cbDoc();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const chars = `0123456789${letters}`;
  doc.secondarySites = [];
  for (let i = 0; i < 251; i++) doc.secondarySites.push({ siteCode: `${letters[Math.floor(i / 36)]}${chars[i % 36]}Q`, parent: "P01", server: `sec${i}.contoso.com` });
  const first = doc.secondarySites[0].siteCode;
  doc.boundaryGroups = [{ name: "All", clients: 251 * 10 }];
  for (let i = 0; i < 251; i++) doc.distributionPoints.push(serverDp(`dp${i}.contoso.com`, first, { boundaryGroups: ["All"] }));
  for (let i = 0; i < 3; i++) doc.distributionPoints.push(serverDp(`pull${i}.contoso.com`, "P01", { boundaryGroups: ["All"], pull: { sources: [{ server: "dp0.contoso.com", rank: 1 }] } }));
  return doc;
}
