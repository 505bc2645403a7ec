import type { Rule } from "../types";

export const BOUNDARY_RULES: readonly Rule[] = [];
