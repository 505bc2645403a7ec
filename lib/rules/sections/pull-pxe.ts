import cvSchedule from "../cv-schedule";
import httpsInternet from "../https-internet";
import mcastHost from "../mcast-host";
import mcastPxeNowds from "../mcast-pxe-nowds";
import mcastRange from "../mcast-range";
import pulldpCycle from "../pulldp-cycle";
import pulldpNotSiteServer from "../pulldp-not-site-server";
import pulldpSourceSite from "../pulldp-source-site";
import pulldpSources from "../pulldp-sources";
import pulldpVersion from "../pulldp-version";
import pxeClientOs from "../pxe-client-os";
import pxeDelay from "../pxe-delay";
import pxeNowdsVersion from "../pxe-nowds-version";
import type { Rule } from "../types";

/** rules.md "Pull DP, PXE, multicast, validation", in its order. */
export const PULL_PXE_RULES: readonly Rule[] = [
  pulldpVersion,
  pulldpSources,
  pulldpNotSiteServer,
  pulldpSourceSite,
  pulldpCycle,
  pxeClientOs,
  pxeNowdsVersion,
  pxeDelay,
  mcastHost,
  mcastPxeNowds,
  mcastRange,
  cvSchedule,
  httpsInternet,
];
