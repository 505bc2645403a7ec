import { featureNames, featuresFile, HAND_PREPARE, requireOsFamily } from "./features";
import { localAdminData } from "./local-admin";
import type { PsValue } from "./data";
import { COMMON, composeScript } from "./ps1-files";
import type { HostPrepInput, ScriptAction } from "./types";

/** Seconds between scheduling the restart (rebootIfRequired) and Windows restarting. */
const RESTART_DELAY_SECONDS = 60;

/**
 * The script that runs on the DP host itself (ps1/host-prepare.ps1 with local-admin.ps1 and the
 * OS family's features file): grant the site server local admin and install the missing
 * prerequisite features; delete revokes only a grant this library made.
 */
export function hostPrepareConfig(input: HostPrepInput, action: ScriptAction): Record<string, PsValue> {
  const family = requireOsFamily(input.os);
  return {
    Step: `host-prepare/${action}`,
    Action: action,
    Dp: input.dpServer,
    ...localAdminData(input.domain, input.siteServer),
    SiteCode: input.siteCode ?? null,
    GrantLocalAdmin: input.grantLocalAdmin,
    InstallFeatures: input.installFeatures,
    RebootIfRequired: input.rebootIfRequired === true,
    RestartDelaySeconds: RESTART_DELAY_SECONDS,
    Features: [...featureNames(family)],
    HandPrepare: HAND_PREPARE,
  };
}

export function hostPrepareScript(input: HostPrepInput, action: ScriptAction): string {
  const family = requireOsFamily(input.os);
  return composeScript(hostPrepareConfig(input, action), [COMMON, "local-admin.ps1", featuresFile(family), "host-prepare.ps1"]);
}
