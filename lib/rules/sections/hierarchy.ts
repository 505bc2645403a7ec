import dpPerSiteMax from "../dp-per-site-max";
import type { Rule } from "../types";

/** rules.md "Hierarchy and size", in its order. */
export const HIERARCHY_RULES: readonly Rule[] = [dpPerSiteMax];
