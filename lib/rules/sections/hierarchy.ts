import casPrimaryMax from "../cas-primary-max";
import dpNotOnCas from "../dp-not-on-cas";
import dpPerPrimaryTreeMax from "../dp-per-primary-tree-max";
import dpPerSiteMax from "../dp-per-site-max";
import hierarchyClientsMax from "../hierarchy-clients-max";
import primarySecondaryMax from "../primary-secondary-max";
import pulldpPerSiteMax from "../pulldp-per-site-max";
import siteClientsMax from "../site-clients-max";
import siteParent from "../site-parent";
import type { Rule } from "../types";

/** rules.md "Hierarchy and size", in its order. */
export const HIERARCHY_RULES: readonly Rule[] = [
  casPrimaryMax,
  siteParent,
  primarySecondaryMax,
  dpPerSiteMax,
  pulldpPerSiteMax,
  dpPerPrimaryTreeMax,
  dpNotOnCas,
  siteClientsMax,
  hierarchyClientsMax,
];
