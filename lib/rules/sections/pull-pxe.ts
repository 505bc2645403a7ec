import type { Rule } from "../types";

export const PULL_PXE_RULES: readonly Rule[] = [];
