/**
 * The live estate in the document's terms, for drift: the reviewed document with every setting
 * the export can read replaced by what ConfigMgr says. Settings the export cannot read (client
 * counts, content, the PXE password's name, multicast ranges, content validation schedules,
 * host facts that `pulumi up` does not change) keep the document's value, so they never show
 * as drift. Objects only the estate has are added; objects only the document has are dropped.
 * Pure: both sides are plain topology documents.
 */
type Doc = Record<string, unknown>;
type Obj = Record<string, unknown>;

/** DP fields the export reads and `pulumi up` reconciles (or replaces the DP for). */
const DP_LIVE_FIELDS = ["site", "boundaryGroups", "clientConnection", "description", "pull", "proxy"] as const;
const PXE_LIVE_FIELDS = ["enabled", "responderWithoutWds", "allowResponse", "unknownComputers", "responseDelaySeconds", "userDeviceAffinity"] as const;
const STORAGE_LIVE_FIELDS = ["primaryContentLibrary", "secondaryContentLibrary", "primaryPackageShare", "secondaryPackageShare", "minimumFreeSpaceMB"] as const;
const GROUP_LIVE_FIELDS = ["assignedSite", "description", "boundaries"] as const;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const keyOf = (v: unknown) => String(v ?? "").toLowerCase();

function overlay(declared: Obj, live: Obj, fields: readonly string[]): Obj {
  const out: Obj = { ...declared };
  for (const f of fields) {
    if (live[f] === undefined) delete out[f];
    else out[f] = live[f];
  }
  return out;
}

function dpView(declared: Obj, live: Obj): Obj {
  const out = overlay(declared, live, DP_LIVE_FIELDS);
  const livePxe = live.pxe as Obj | undefined;
  const declaredPxe = declared.pxe as Obj | undefined;
  if (livePxe) out.pxe = { ...overlay(declaredPxe ?? {}, livePxe, PXE_LIVE_FIELDS) };
  else if (declaredPxe && declaredPxe.enabled !== false) out.pxe = { ...declaredPxe, enabled: false };
  const liveMulticast = live.multicast as Obj | undefined;
  const declaredMulticast = declared.multicast as Obj | undefined;
  if (liveMulticast) out.multicast = { ...(declaredMulticast ?? {}), enabled: true };
  else if (declaredMulticast && declaredMulticast.enabled !== false) out.multicast = { ...declaredMulticast, enabled: false };
  const storage = overlay((declared.storage as Obj | undefined) ?? {}, (live.storage as Obj | undefined) ?? {}, STORAGE_LIVE_FIELDS);
  if (Object.keys(storage).length > 0) out.storage = storage;
  else delete out.storage;
  return out;
}

function mergeBy(declared: Obj[], live: Obj[], key: string, view: (d: Obj, l: Obj) => Obj): Obj[] {
  const declaredBy = new Map(declared.map((o) => [keyOf(o[key]), o]));
  return live.map((l) => {
    const d = declaredBy.get(keyOf(l[key]));
    return d ? view(d, l) : l;
  });
}

export function liveView(document: Doc, exported: Doc): Doc {
  const out: Doc = { ...document };
  out.primarySites = mergeBy(list(document.primarySites), list(exported.primarySites), "siteCode", (d, l) => overlay(d, l, ["server"]));
  if (exported.cas) out.cas = overlay((document.cas as Obj | undefined) ?? {}, exported.cas as Obj, ["siteCode", "server"]);
  else delete out.cas;
  out.secondarySites = mergeBy(list(document.secondarySites), list(exported.secondarySites), "siteCode", (d, l) => overlay(d, l, ["server", "parent"]));
  out.boundaryGroups = mergeBy(list(document.boundaryGroups), list(exported.boundaryGroups), "name", (d, l) => overlay(d, l, GROUP_LIVE_FIELDS));
  out.distributionPoints = mergeBy(list(document.distributionPoints), list(exported.distributionPoints), "server", dpView);
  out.configMgrVersion = exported.configMgrVersion ?? document.configMgrVersion;
  return out;
}
