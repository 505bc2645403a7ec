import type { Rule } from "../types";

export const CAPACITY_RULES: readonly Rule[] = [];
