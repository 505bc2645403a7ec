import { netbiosOf } from "../topology/model";

/** The site server's computer account as Windows names it: LAB\CM01$ for cm01.lab.local in LAB. */
export function siteServerAccount(domain: string, siteServer: string): string {
  return `${domain}\\${netbiosOf(siteServer).toUpperCase()}$`;
}

/**
 * The data of ps1/local-admin.ps1: the account, its WinNT:// member path, and the name of the
 * marker file the grant leaves on the host (the revoke acts only on a membership this library made).
 */
export function localAdminData(domain: string, siteServer: string) {
  const name = netbiosOf(siteServer).toUpperCase();
  return {
    Account: siteServerAccount(domain, siteServer),
    Member: `WinNT://${domain}/${name}$`,
    SiteServer: siteServer,
    MarkerName: `site-server-admin-${domain}-${name}.txt`.replace(/[^A-Za-z0-9._-]/g, "_"),
  };
}
