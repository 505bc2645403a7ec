/** Where each limit is documented (rules.md, "Sources"). Learn paths under /intune/configmgr/. */

const LEARN = "https://learn.microsoft.com/intune/configmgr/";

export const SOURCES = {
  "S-SCALE": { short: "size-and-scale-numbers", url: `${LEARN}core/plan-design/configs/size-and-scale-numbers` },
  "S-OS": {
    short: "supported-operating-systems-for-site-system-servers",
    url: `${LEARN}core/plan-design/configs/supported-operating-systems-for-site-system-servers`,
  },
  "S-PREREQ": {
    short: "site-and-site-system-prerequisites",
    url: `${LEARN}core/plan-design/configs/site-and-site-system-prerequisites`,
  },
  "S-HW": { short: "recommended-hardware", url: `${LEARN}core/plan-design/configs/recommended-hardware` },
  "S-DP": {
    short: "install-and-configure-distribution-points",
    url: `${LEARN}core/servers/deploy/configure/install-and-configure-distribution-points`,
  },
  "S-PULL": {
    short: "use-a-pull-distribution-point",
    url: `${LEARN}core/plan-design/hierarchy/use-a-pull-distribution-point`,
  },
  "S-SITES": { short: "prepare-to-install-sites", url: `${LEARN}core/servers/deploy/install/prepare-to-install-sites` },
  "S-BND": { short: "boundaries", url: `${LEARN}core/servers/deploy/configure/boundaries` },
  "S-BG": { short: "boundary-groups", url: `${LEARN}core/servers/deploy/configure/boundary-groups` },
  "S-ACCT": { short: "accounts", url: `${LEARN}core/plan-design/hierarchy/accounts` },
  "S-IIS": {
    short: "IIS request restrictions",
    url: "https://learn.microsoft.com/iis/troubleshoot/request-restrictions",
  },
  "S-CMDLET": {
    short: "ConfigurationManager PowerShell reference",
    url: "https://learn.microsoft.com/powershell/module/configurationmanager/",
  },
  SEED: {
    short: "seed article",
    url: "https://sccmavenger.wordpress.com/2013/06/16/windows-7-as-distribution-point/",
  },
  /** Rules of the document's own format, and lab practice that is no Microsoft rule. */
  // The README's section on the document is "Writing your own topology" (there is no section "The topology document").
  FORMAT: { short: "topology format", url: "pulumi-configmgr README, section \"Writing your own topology\"" },
  PRACTICE: { short: "lab practice, not a Microsoft rule", url: "pulumi-configmgr README, section \"Rules\"" },
} as const;

export type SourceKey = keyof typeof SOURCES;
