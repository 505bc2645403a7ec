import { schemaRule } from "./schema-rule";
import { BOUNDARY_RULES } from "./sections/boundaries";
import { CAPACITY_RULES } from "./sections/capacity";
import { DOCUMENT_RULES } from "./sections/document";
import { HIERARCHY_RULES } from "./sections/hierarchy";
import { HOST_RULES } from "./sections/host";
import { PULL_PXE_RULES } from "./sections/pull-pxe";
import type { Rule, RuleMeta } from "./types";
import { waiverInvalidRule, waiverUnusedRule } from "./waivers";

/** Every rule with a check, in the order of rules.md. */
export const RULES: readonly Rule[] = [
  ...DOCUMENT_RULES,
  ...HIERARCHY_RULES,
  ...CAPACITY_RULES,
  ...HOST_RULES,
  ...PULL_PXE_RULES,
  ...BOUNDARY_RULES,
];

/** Every rule id of rules.md, including SCHEMA and the waiver rules, by id. */
export const CATALOG: ReadonlyMap<string, RuleMeta> = new Map(
  [schemaRule, ...RULES, waiverInvalidRule, waiverUnusedRule].map((r) => [r.id, r] as const),
);
