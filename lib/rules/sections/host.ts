import dpOsSupported from "../dp-os-supported";
import type { Rule } from "../types";

/** rules.md "Distribution point host and prerequisites", in its order. */
export const HOST_RULES: readonly Rule[] = [dpOsSupported];
