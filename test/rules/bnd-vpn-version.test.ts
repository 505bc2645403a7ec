import rule from "../../lib/rules/bnd-vpn-version";
import { labBoundaries } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const vpnOn = (version: string) => ({ ...labBoundaries({ ipSubnet: "192.168.1.0/24" }, { vpn: "Name:Contoso VPN" }), configMgrVersion: version });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a VPN boundary on 2006", doc: vpnOn("2006") },
    { name: "a VPN boundary on 2509", doc: vpnOn("2509") },
    { name: "no VPN boundary on 2002", doc: { ...labDoc(), configMgrVersion: "2002" } },
  ],
  invalid: [
    {
      name: "a VPN boundary on 2002 (the release before 2006; there is no 2003)",
      doc: vpnOn("2002"),
      errors: [{ object: "bg:Lab HQ", path: "boundaryGroups[0].boundaries[1].vpn", message: ["Name:Contoso VPN", "ConfigMgr 2002", "2006"] }],
    },
    { name: "a VPN boundary on 2012 SP1", doc: vpnOn("2012 SP1"), errors: [{ message: "2012 SP1" }] },
  ],
});
