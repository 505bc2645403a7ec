import dpFreeSpaceDefault from "../dp-free-space-default";
import dpHwMin from "../dp-hw-min";
import dpLocalAdmin from "../dp-local-admin";
import dpOsArch from "../dp-os-arch";
import dpOsEdition from "../dp-os-edition";
import dpOsLifecycle from "../dp-os-lifecycle";
import dpOsSupported from "../dp-os-supported";
import dpPrereqFeatures from "../dp-prereq-features";
import dpServerCore from "../dp-server-core";
import dpStorage from "../dp-storage";
import type { Rule } from "../types";

/** rules.md "Distribution point host and prerequisites", in its order. */
export const HOST_RULES: readonly Rule[] = [
  dpOsSupported,
  dpOsLifecycle,
  dpOsEdition,
  dpOsArch,
  dpServerCore,
  dpHwMin,
  dpPrereqFeatures,
  dpLocalAdmin,
  dpStorage,
  dpFreeSpaceDefault,
];
