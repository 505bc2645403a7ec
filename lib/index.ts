/**
 * pulumi-configmgr: a ConfigMgr hierarchy as data, checked against every documented limit, and
 * as Pulumi resources whose check phase enforces the same rules.
 */

// Pulumi resources
export { Hierarchy, type HierarchyArgs } from "./pulumi/hierarchy";
export { PrimarySite, PrimarySiteState, type PrimarySiteArgs, type PrimarySiteSettings } from "./pulumi/primary-site";
export { SecondarySite, SecondarySiteState, type SecondarySiteArgs, type SecondarySiteSettings } from "./pulumi/secondary-site";
export {
  DistributionPoint,
  DistributionPointState,
  type DistributionPointArgs,
  type DistributionPointSettings,
} from "./pulumi/distribution-point";
export { BoundaryGroup, BoundaryGroupState, type BoundaryGroupArgs, type BoundaryGroupSettings } from "./pulumi/boundary-group";
export { TopologyCheck } from "./pulumi/topology-check";
export type { WaiverArg } from "./pulumi/component";
export type { BgContext, DpContext, SiteContext } from "./pulumi/facts";
export type { DpConfiguration } from "./pulumi/provider-logic";
export { LOCAL_RULES, NEEDS_CONTEXT_RULES, TOPOLOGY_ONLY_RULES } from "./pulumi/rule-scope";

// The pure API: no Pulumi engine needed
export {
  loadTopology,
  loadTopologyFile,
  loadTopologyObject,
  loadTopologyText,
  readTopologyFile,
  readTopologyText,
  TopologyLoadError,
  type LoadedDocument,
} from "./topology/load";
export { parseTopology, formatPath } from "./topology/parse";
export { buildModel, type TopologyModel } from "./topology/model";
export { topologySchema, type TopologyDoc, type TopologyInput } from "./topology/schema";
export { ACCEPTED_VERSIONS, parseVersion } from "./topology/version";
export { evaluate, formatDiagnostic, summarize, validateDocument, type Validation } from "./rules/engine";
export { CATALOG, RULES } from "./rules/catalog";
export type { Diagnostic, Rule, RuleMeta, Severity, Summary } from "./rules/types";
