import type { DistributionPointDoc } from "../topology/schema";
import { atLeast, type Version } from "../topology/version";
import type { PsValue } from "./data";
import { COMMON, composeScript, SITE_SERVER } from "./ps1-files";
import { scheduleData } from "./schedule";
import { cmVersion, groupsByServerName, siteData, usesCurrentNames, WILDCARD } from "./site-server";
import type { DpRoleInput, ScriptAction } from "./types";

/**
 * The distribution point role (ps1/dp-role.ps1), run on the site server. This module computes the
 * data: the parameter names of the version, the install-time values, the settings to compare and
 * the ones to re-apply.
 */

export const DEFAULT_READINESS_TIMEOUT_MINUTES = 30;
const POLL_SECONDS = 30;

/** DistMgr: "Successfully completed the installation or upgrade of the distribution point" (windows-commands §5.1). */
export const DP_INSTALLED_STATUS_MESSAGE = 2399;

/** Add-/Set-/New- parameters whose names changed after the 2012 era (see CURRENT_NAMES_FROM). */
const CURRENT_NAMES = {
  EnablePxe: "EnablePxe",
  AllowPxeResponse: "AllowPxeResponse",
  PxePassword: "PxePassword",
  PxeDelay: "PxeServerResponseDelaySec",
  EnableContentValidation: "EnableContentValidation",
  ContentValidationSchedule: "ContentValidationSchedule",
  SourceDps: "SourceDistributionPoint",
  SourceRanks: "SourceDPRank",
  NewSiteSystemServer: "SiteSystemServerName",
};

/** The System Center 2012 R2 names (jj821872, dn151097); today they are aliases of the names above. */
const LEGACY_NAMES: typeof CURRENT_NAMES = {
  EnablePxe: "EnablePxeSupport",
  AllowPxeResponse: "AllowRespondIncomingPxeRequest",
  PxePassword: "ComputersUsePxePassword",
  PxeDelay: "PxeServerResponseDelaySeconds",
  EnableContentValidation: "EnableValidateContent",
  ContentValidationSchedule: "ValidateContentSchedule",
  SourceDps: "SourceDistributionPoints",
  SourceRanks: "SourceDPRanks",
  // New-CMSiteSystemServer took -ServerName in the 2012-era library (now an alias; UNCONFIRMED for 2012 SP1).
  NewSiteSystemServer: "ServerName",
};

const CONNECTION_TYPES: Readonly<Record<DistributionPointDoc["clientConnectionType"], string>> = {
  intranet: "Intranet",
  internet: "Internet",
  internetAndIntranet: "InternetAndIntranet",
};

/** Index of UdaSetting in SMS_DistributionPointInfo (ConfigMgrCBDsc maps 0/1/2 to these names). */
const UDA: Readonly<Record<NonNullable<DistributionPointDoc["pxe"]>["userDeviceAffinity"], { name: string; index: number }>> = {
  doNotUse: { name: "DoNotUse", index: 0 },
  allowWithManualApproval: { name: "AllowWithManualApproval", index: 1 },
  allowWithAutomaticApproval: { name: "AllowWithAutomaticApproval", index: 2 },
};

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** The data block of the dp-role script. */
export function dpRoleConfig(input: DpRoleInput, action: ScriptAction): Record<string, PsValue> {
  const dp = input.dp;
  // Secrets first, before anything else is looked at: the refusal names the secret, never its value.
  if (input.pxePassword !== undefined && CONTROL.test(input.pxePassword)) {
    throw new Error(
      `distribution point ${dp.server}: the PXE password (secret ${JSON.stringify(dp.pxe?.passwordSecret ?? "")}) contains a control character or line break ` +
        `(a file with CRLF endings leaves one at the end); the value is not shown: set the secret without it`,
    );
  }
  const version = cmVersion(input.version);
  const site = { siteCode: input.siteCode, siteServer: input.siteServer, providerSiteCode: input.providerSiteCode, adoptOnly: input.adoptOnly === true && action !== "delete" };
  const config: Record<string, PsValue> = {
    Step: `dp-role/${action}`,
    Action: action,
    ...siteData(site, version),
    Dp: dp.server,
    TimeoutMinutes: input.readinessTimeoutMinutes ?? DEFAULT_READINESS_TIMEOUT_MINUTES,
    PollSeconds: POLL_SECONDS,
    InstalledMessageId: DP_INSTALLED_STATUS_MESSAGE,
    ...(action === "delete" ? {} : applyData(input, version)),
  };
  return config;
}

export function dpRoleScript(input: DpRoleInput, action: ScriptAction): string {
  return composeScript(dpRoleConfig(input, action), [COMMON, SITE_SERVER, "dp-role.ps1"]);
}

function applyData(input: DpRoleInput, version: Version): Record<string, PsValue> {
  const dp = input.dp;
  const current = usesCurrentNames(version);
  const byName = groupsByServerName(version);
  const names = current ? CURRENT_NAMES : LEGACY_NAMES;
  for (const group of input.boundaryGroups) {
    if (!byName && WILDCARD.test(group)) {
      throw new Error(
        `distribution point ${dp.server}: boundary group ${JSON.stringify(group)} contains * ? or [, and ConfigMgr ${version.label} attaches a distribution point ` +
          `to a group only by name (Set-CMDistributionPoint -AddBoundaryGroupName), where these may act as wildcards; rename the group without them`,
      );
    }
  }
  const storage = dp.storage ?? {};
  // The cmdlet's default reserve rose from 50 MB to 500 MB in 2107; 2012-era Add requires the value.
  const minFree = storage.minimumFreeSpaceMB ?? (atLeast(version, "2107") ? 500 : 50);
  const drives: Record<string, PsValue> = {};
  const driveParams: [string, string | undefined][] = [
    ["PrimaryContentLibraryLocation", storage.primaryContentLibrary],
    ["SecondaryContentLibraryLocation", storage.secondaryContentLibrary],
    ["PrimaryPackageShareLocation", storage.primaryPackageShare],
    ["SecondaryPackageShareLocation", storage.secondaryPackageShare],
  ];
  for (const [param, value] of driveParams) if (value !== undefined) drives[param] = driveType(value);
  const notes: string[] = [];
  let pull: PsValue = null;
  if (dp.pull) {
    if (dp.pull.sources.length === 0) throw new Error(`pull distribution point ${dp.server} lists no source`);
    pull = { Servers: dp.pull.sources.map((s) => s.server), Ranks: dp.pull.sources.map((s) => s.rank) };
  }
  // -Description is not in the 2012 R2 Add-/Set-CMDistributionPoint (first release UNCONFIRMED).
  if (!current && dp.description !== undefined) notes.push("description not applied: this version's cmdlets have no -Description");

  const compare: PsValue[] = [];
  const always: Record<string, PsValue> = {};
  const differs = (param: string, info: string, desired: PsValue, value: PsValue = desired) => compare.push({ Param: param, Info: info, Desired: desired, Value: value });
  const off = (param: string, info: string) => compare.push({ Param: param, Info: info, Off: true });

  if (current && dp.description !== undefined) differs("Description", "Description", dp.description);
  const https = dp.clientConnection === "https";
  // Https: dp-role.ps1 refuses unless the DP already communicates over HTTPS (a PKI certificate is needed).
  differs("ClientCommunicationType", "Communication", https ? 1 : 0, https ? "Https" : "Http");
  always.ClientConnectionType = CONNECTION_TYPES[dp.clientConnectionType];
  if (dp.pull) differs("EnablePullDP", "IsPullDP", true);
  else off("EnablePullDP", "IsPullDP");

  const pxe = dp.pxe;
  let pxePassword: string | undefined;
  if (pxe && pxe.enabled) {
    differs(names.EnablePxe, "IsPXE", true);
    if (atLeast(version, "1806")) differs("EnableNonWdsPxe", "SccmPxe", pxe.responderWithoutWds);
    else if (pxe.responderWithoutWds) {
      throw new Error(`distribution point ${dp.server}: the PXE responder without WDS needs ConfigMgr 1806 or later (version ${version.label})`);
    }
    differs(names.AllowPxeResponse, "IsActive", pxe.allowResponse);
    differs("EnableUnknownComputerSupport", "SupportUnknownMachines", pxe.unknownComputers);
    differs(names.PxeDelay, "ResponseDelay", pxe.responseDelaySeconds);
    const uda = UDA[pxe.userDeviceAffinity];
    differs("UserDeviceAffinity", "UdaSetting", uda.index, uda.name);
    if (pxe.passwordSecret !== undefined) {
      if (input.pxePassword === undefined) {
        throw new Error(`distribution point ${dp.server}: PXE password secret ${JSON.stringify(pxe.passwordSecret)} has no value`);
      }
      pxePassword = input.pxePassword;
    }
  } else {
    off(names.EnablePxe, "IsPXE");
  }

  const multicast = dp.multicast;
  if (multicast && multicast.enabled) {
    differs("EnableMulticast", "IsMulticast", true);
    if (multicast.addressRange) {
      always.StartIPAddress = multicast.addressRange.start;
      always.EndIPAddress = multicast.addressRange.end;
    }
    if (multicast.udpPorts) {
      always.StartUdpPort = multicast.udpPorts.start;
      always.EndUdpPort = multicast.udpPorts.end;
    }
    if (multicast.maxClients !== undefined) always.MulticastMaximumClientCount = multicast.maxClients;
  } else {
    off("EnableMulticast", "IsMulticast");
  }

  // Content validation: DPMonEnabled is readable on the site control item; the schedule token is
  // not comparable (its start date is the day it was written) and the priority's stored numbers
  // are UNCONFIRMED, so a declared schedule and priority are re-applied on every run.
  const validation = dp.contentValidation;
  let schedule: PsValue = null;
  if (validation) {
    compare.push({ Param: names.EnableContentValidation, Embedded: "DPMonEnabled", Desired: true, Value: true });
    schedule = { ...scheduleData(validation.schedule) };
    always.ContentMonitoringPriority = validation.priority.charAt(0).toUpperCase() + validation.priority.slice(1);
  } else {
    compare.push({ Param: names.EnableContentValidation, Embedded: "DPMonEnabled", Off: true });
  }

  return {
    Names: names,
    Notes: notes,
    InstallationAccount: input.installationAccount ?? null,
    // Before 1610 there is no -UseSiteServerAccount; leaving out -AccountName means the site server's computer account.
    UseSiteServerAccount: current,
    Proxy: dp.proxy ? { Server: dp.proxy.server, Port: dp.proxy.port } : null,
    Https: https,
    Add: {
      MinimumFreeSpaceMB: minFree,
      ClientConnectionType: CONNECTION_TYPES[dp.clientConnectionType],
      Drives: drives,
      // Accepted by every version, but ConfigMgr acts on it only from 1702 (CMPS 1702 release notes).
      InstallInternetServer: dp.installIIS === true,
      Description: current && dp.description !== undefined ? dp.description : null,
      Pull: pull,
    },
    Settings: {
      Compare: compare,
      Always: always,
      Schedule: schedule,
      PullKeys: dp.pull ? dp.pull.sources.map((s) => `${s.server.toLowerCase()}|${s.rank}`) : [],
      // The only place the secret enters a script; the whole script travels on stdin as a secret.
      ...(pxePassword !== undefined ? { PxePassword: pxePassword } : {}),
    },
    BoundaryGroups: [...input.boundaryGroups],
    GroupsByServerName: byName,
  };
}

function driveType(value: string): string {
  if (/^automatic$/i.test(value)) return "Automatic";
  if (/^[A-Za-z]$/.test(value)) return value.toUpperCase();
  throw new Error(`a distribution point drive must be a letter A-Z or "automatic": ${JSON.stringify(value)}`);
}
