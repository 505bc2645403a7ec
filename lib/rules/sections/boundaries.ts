import bgNoDp from "../bg-no-dp";
import bgOverlap from "../bg-overlap";
import bgSiteAssign from "../bg-site-assign";
import bndFormat from "../bnd-format";
import bndVpnVersion from "../bnd-vpn-version";
import dpNoBg from "../dp-no-bg";
import type { Rule } from "../types";

/** rules.md "Boundaries and boundary groups", in its order. */
export const BOUNDARY_RULES: readonly Rule[] = [bndFormat, bndVpnVersion, bgSiteAssign, bgOverlap, bgNoDp, dpNoBg];
