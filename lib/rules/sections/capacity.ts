import clientOsConnections from "../client-os-connections";
import dpClientsMax from "../dp-clients-max";
import dpClientsSecondaryHw from "../dp-clients-secondary-hw";
import dpContentMax from "../dp-content-max";
import dpDiskSpace from "../dp-disk-space";
import type { Rule } from "../types";

/** rules.md "Distribution point capacity", in its order. */
export const CAPACITY_RULES: readonly Rule[] = [dpClientsMax, dpClientsSecondaryHw, dpContentMax, dpDiskSpace, clientOsConnections];
