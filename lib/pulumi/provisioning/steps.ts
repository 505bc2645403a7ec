import * as pulumi from "@pulumi/pulumi";
import type * as command from "@pulumi/command";
import { boundaryGroupScript } from "../../scripts/boundary-group";
import { dpRoleScript } from "../../scripts/dp-role";
import { hostPrepareScript } from "../../scripts/host-prepare";
import { primarySiteVerifyScript } from "../../scripts/primary-site";
import { secondarySiteScript } from "../../scripts/secondary-site";
import type { ScriptAction } from "../../scripts/types";
import type { ActionScripts } from "../../scripts/wrapper";
import { parseVersion } from "../../topology/version";
import { CONTROL_CHARACTERS, remoteStep, scriptOr } from "./command";
import { connectionFor } from "./connection";
import { normalizedSettings, type Normalized } from "./normalize";
import {
  resolveProvisioning,
  type BoundaryGroupProvisioning,
  type DistributionPointProvisioning,
  type ProvisionArgs,
  type ProvisioningOptions,
  type SmsProviderArg,
} from "./options";

/**
 * The remote steps of each component, created by its provision() hook. Each step depends on the
 * component's checked state (and on whatever `provisioning.dependsOn` names), so nothing remote
 * runs unless the checks pass; Pulumi destroys in the reverse order of these dependencies.
 */

type Command = command.remote.Command;
type Declared = Record<string, unknown>;

export interface StepContext<P extends ProvisioningOptions = ProvisioningOptions> {
  /** The component's name: steps are named `<name>-<step>`. */
  readonly name: string;
  readonly parent: pulumi.Resource;
  /** The component's checked state. */
  readonly check: pulumi.Resource;
  /** The component's arguments without secrets and without the provisioning ones. */
  readonly declared: Declared;
  readonly args: ProvisionArgs<P>;
}

const ACTIONS: ScriptAction[] = ["create", "update", "delete"];
const lower = (v: unknown) => String(v).toLowerCase();
const upper = (v: unknown) => String(v).toUpperCase();

/** Scripts of every action from one generator; `deletes: false` leaves delete out. No refusal quotes one of `secrets`. */
function scriptsOf(step: string, generate: (action: ScriptAction) => string, deletes = true, secrets: readonly string[] = []): ActionScripts {
  const [create, update, remove] = ACTIONS.map((action) => scriptOr(`${step}/${action}`, () => generate(action), secrets));
  return deletes ? { create, update, delete: remove } : { create, update };
}

function required<T>(what: string, value: T | undefined, key: string, why: string): T {
  if (value === undefined) {
    throw new pulumi.RunError(`${what}: provisioning needs \`${key}\` (${why}); set it, or pass provision: false to only check this object.`);
  }
  return value;
}

/**
 * Why provisioning cannot run at this version, or undefined. ConfigMgr 2012 RTM has no
 * ConfigurationManager PowerShell module (Microsoft's cmdlet reference, MicrosoftDocs/
 * sccm-docs-powershell, starts at 2012 SP1), and every site-server step uses it.
 */
export function unprovisionableVersion(version: unknown): string | undefined {
  const parsed = parseVersion(version);
  if (parsed?.label !== "2012") return undefined;
  return (
    'configMgrVersion "2012" (ConfigMgr 2012 RTM) has no ConfigurationManager PowerShell module — the cmdlet reference starts at 2012 SP1 — ' +
    "so the remote steps cannot run. Fix: upgrade the site to 2012 SP1 or later and declare that version, or pass provision: false to only validate the topology."
  );
}

/** Refuses, at program time, a version provisioning cannot work with (a version not known yet is refused in its scripts). */
export function refuseUnprovisionable(what: string, version: pulumi.Input<string>): void {
  const why = typeof version === "string" ? unprovisionableVersion(version) : undefined;
  if (why !== undefined) throw new pulumi.RunError(`${what}: [provisioning] ${why}`);
}

/** The same refusal inside a generator (the version was an Output): the step's script fails with it. */
function assertProvisionable(version: unknown): void {
  const why = unprovisionableVersion(version);
  if (why !== undefined) throw new Error(why);
}

/** Throws what the schema found; scriptOr turns it into a failing script. */
function settingsOrThrow<T>(normalized: Normalized<T>): T {
  if ("problem" in normalized) throw new Error(normalized.problem);
  return normalized.settings;
}

// ---------------------------------------------------------------------------------------------
// distribution point

export interface DistributionPointSteps {
  /** On the DP host: the site server's computer account into local Administrators, RDC + IIS (prepareHost). */
  prepare?: Command;
  /** On the site server (SMS Provider): site system, DP role, settings, boundary groups, readiness. */
  role?: Command;
}

export function provisionDistributionPoint(
  ctx: StepContext<DistributionPointProvisioning> & { readonly pxePassword?: pulumi.Output<string> },
): DistributionPointSteps {
  const what = `DistributionPoint ${ctx.name}`;
  const p = resolveProvisioning(what, ctx.args);
  if (!p) return {};
  const options = ctx.args.provisioning ?? {};
  const d = ctx.declared;
  const version = required(what, d.configMgrVersion as pulumi.Input<string> | undefined, "configMgrVersion", "the role's cmdlets depend on the version");
  refuseUnprovisionable(what, version);
  const siteServer = d.siteServer as pulumi.Input<string> | undefined;
  const provider: SmsProviderArg = options.smsProvider ?? {
    siteCode: d.site as pulumi.Input<string>,
    server: required(what, siteServer, "siteServer", "the FQDN of the DP's site server, where the role step runs"),
  };
  const settings = pulumi.output(d).apply((all) => normalizedSettings("distributionPoints", all as Declared));
  const server = pulumi.output(d.server as pulumi.Input<string>).apply(lower);
  const triggers = [server, pulumi.output(d.site as pulumi.Input<string>).apply(upper)];
  const common = [ctx.check, ...(options.dependsOn ?? [])];
  const steps: DistributionPointSteps = {};

  // prepareHost: false means the host was prepared by hand (hostHas says what is true); no step then.
  if (d.prepareHost !== false) {
    const domain = required(what, d.domain as pulumi.Input<string> | undefined, "domain", "the NetBIOS domain of the site server's computer account");
    const account = required(what, siteServer, "siteServer", "whose computer account becomes a local admin of the DP host");
    const scripts = pulumi.all([settings, domain, account]).apply(([s, dom, site]) =>
      scriptsOf("host-prepare", (action) => {
        const dp = settingsOrThrow(s);
        if (p.adoptOnly && dp.prepareHost) {
          throw new Error(
            `adopt only (provisioning.adoptOnly / configmgr:adoptOnly): DP ${dp.server} has prepareHost: true, and preparing its host would change it; an existing DP's host is already prepared: set prepareHost: false with hostHas (as pulumi-configmgr export writes), or turn adoptOnly off`,
          );
        }
        return hostPrepareScript(
          {
            os: dp.os,
            domain: upper(dom),
            siteServer: lower(site),
            dpServer: dp.server,
            // An Output prepareHost that turns out false makes the step a no-op.
            installFeatures: dp.prepareHost,
            grantLocalAdmin: dp.prepareHost,
            rebootIfRequired: p.rebootIfRequired,
          },
          action,
        );
      }),
    );
    steps.prepare = remoteStep({
      name: `${ctx.name}-prepare`,
      step: "host-prepare",
      connection: connectionFor(p, server, "local"),
      scripts,
      deletes: true,
      triggers,
      deleteBeforeReplace: true,
      secret: false,
      parent: ctx.parent,
      dependsOn: [...common, ...(options.prepareDependsOn ?? [])],
    });
  }

  const secret = ctx.pxePassword !== undefined;
  const roleScripts = pulumi
    .all([settings, version, provider.siteCode, provider.server, options.boundaryGroups, ctx.pxePassword])
    .apply(([s, v, providerCode, providerServer, groups, pxePassword]) =>
      scriptsOf(
        "dp-role",
        (action) => {
          // Refused before any script is made, naming the field, never quoting the value.
          if (pxePassword !== undefined && CONTROL_CHARACTERS.test(pxePassword)) {
            throw new Error(
              "the PXE password (pxe.passwordSecret) contains a control character, such as the line ending of a file it was read from; set the secret again without it",
            );
          }
          assertProvisionable(v);
          const dp = settingsOrThrow(s);
          const code = upper(providerCode);
          return dpRoleScript(
            {
              version: String(v),
              siteCode: dp.site,
              siteServer: lower(providerServer),
              ...(code !== dp.site ? { providerSiteCode: code } : {}),
              dp,
              boundaryGroups: groups ?? dp.boundaryGroups,
              ...(pxePassword !== undefined ? { pxePassword } : {}),
              readinessTimeoutMinutes: p.readinessTimeoutMinutes,
              adoptOnly: p.adoptOnly,
            },
            action,
          );
        },
        true,
        pxePassword !== undefined ? [pxePassword] : [],
      ),
    );
  steps.role = remoteStep({
    name: `${ctx.name}-role`,
    step: "dp-role",
    connection: connectionFor(p, provider.server, "network"),
    scripts: roleScripts,
    deletes: true,
    triggers,
    // The role goes before its host's admin grant is revoked and before its secondary site is
    // uninstalled, also when one of them is replaced.
    replacedWith: [...(steps.prepare ? [steps.prepare] : []), ...(options.roleReplacedWith ?? [])],
    deleteBeforeReplace: true,
    // The PXE password is in this stdin: secret, not streamed, stdout/stderr stored as secrets.
    secret,
    parent: ctx.parent,
    dependsOn: [...(steps.prepare ? [steps.prepare] : []), ...common, ...(options.roleDependsOn ?? [])],
  });
  return steps;
}

// ---------------------------------------------------------------------------------------------
// boundary group

export interface BoundaryGroupSteps {
  /** On a site server (CAS or primary): the group, its boundaries, its site systems. */
  boundaryGroup?: Command;
}

export function provisionBoundaryGroup(ctx: StepContext<BoundaryGroupProvisioning>): BoundaryGroupSteps {
  const what = `BoundaryGroup ${ctx.name}`;
  const p = resolveProvisioning(what, ctx.args);
  if (!p) return {};
  const options = ctx.args.provisioning ?? {};
  const d = ctx.declared;
  const version = required(what, d.configMgrVersion as pulumi.Input<string> | undefined, "configMgrVersion", "the cmdlets depend on the version");
  refuseUnprovisionable(what, version);
  const provider = required(what, options.smsProvider, "provisioning.smsProvider", "the CAS or primary site whose SMS Provider manages the group");
  const settings = pulumi.output(d).apply((all) => normalizedSettings("boundaryGroups", all as Declared));
  const scripts = pulumi
    .all([settings, version, provider.siteCode, provider.server, options.siteSystems])
    .apply(([s, v, code, server, systems]) =>
      scriptsOf("boundary-group", (action) => {
        assertProvisionable(v);
        const g = settingsOrThrow(s);
        return boundaryGroupScript(
          {
            version: String(v),
            siteCode: upper(code),
            siteServer: lower(server),
            name: g.name,
            ...(g.description !== undefined ? { description: g.description } : {}),
            ...(g.assignedSite !== undefined ? { assignedSite: g.assignedSite } : {}),
            boundaries: g.boundaries,
            ...(systems !== undefined ? { siteSystems: systems.map(lower) } : {}),
            adoptOnly: p.adoptOnly,
          },
          action,
        );
      }),
    );
  return {
    boundaryGroup: remoteStep({
      name: `${ctx.name}-boundary-group`,
      step: "boundary-group",
      connection: connectionFor(p, provider.server, "network"),
      scripts,
      deletes: true,
      // Names compare case-insensitively: a change of case is an update, not a new group.
      triggers: [pulumi.output(d.name as pulumi.Input<string>).apply(lower)],
      deleteBeforeReplace: false,
      secret: false,
      parent: ctx.parent,
      dependsOn: [ctx.check, ...(options.dependsOn ?? [])],
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// sites

export interface PrimarySiteSteps {
  /** On the primary's own server: the site exists with this code, server and version (adopted, never installed or removed). */
  verify?: Command;
}

export function provisionPrimarySite(ctx: StepContext): PrimarySiteSteps {
  const what = `PrimarySite ${ctx.name}`;
  const p = resolveProvisioning(what, ctx.args);
  if (!p) return {};
  const options = ctx.args.provisioning ?? {};
  const d = ctx.declared;
  const version = required(what, d.configMgrVersion as pulumi.Input<string> | undefined, "configMgrVersion", "the site must run the declared version");
  refuseUnprovisionable(what, version);
  const settings = pulumi.output(d).apply((all) => normalizedSettings("primarySites", all as Declared));
  const server = pulumi.output(d.server as pulumi.Input<string>).apply(lower);
  const scripts = pulumi.all([settings, version]).apply(([s, v]) =>
    scriptsOf(
      "primary-site",
      () => {
        assertProvisionable(v);
        const site = settingsOrThrow(s);
        return primarySiteVerifyScript({ version: String(v), siteCode: site.siteCode, server: site.server });
      },
      false,
    ),
  );
  return {
    verify: remoteStep({
      name: `${ctx.name}-verify`,
      step: "primary-site",
      connection: connectionFor(p, options.smsProvider?.server ?? server, "network"),
      scripts,
      // Adopted: destroy leaves the site as it is, so there is no delete action.
      deletes: false,
      triggers: [pulumi.output(d.siteCode as pulumi.Input<string>).apply(upper), server],
      deleteBeforeReplace: false,
      secret: false,
      parent: ctx.parent,
      dependsOn: [ctx.check, ...(options.dependsOn ?? [])],
    }),
  };
}

export interface SecondarySiteSteps {
  /** On the parent primary's server: New-CMSecondarySite and the wait; delete uninstalls the site. */
  install?: Command;
}

export function provisionSecondarySite(ctx: StepContext): SecondarySiteSteps {
  const what = `SecondarySite ${ctx.name}`;
  const p = resolveProvisioning(what, ctx.args);
  if (!p) return {};
  const options = ctx.args.provisioning ?? {};
  const d = ctx.declared;
  const version = required(what, d.configMgrVersion as pulumi.Input<string> | undefined, "configMgrVersion", "the cmdlets depend on the version");
  refuseUnprovisionable(what, version);
  const parent = required(what, options.smsProvider, "provisioning.smsProvider", "the parent primary's site code and server, where the install runs");
  const settings = pulumi.output(d).apply((all) => normalizedSettings("secondarySites", all as Declared));
  const scripts = pulumi.all([settings, version, parent.server]).apply(([s, v, parentServer]) =>
    scriptsOf("secondary-site", (action) => {
      assertProvisionable(v);
      const site = settingsOrThrow(s);
      return secondarySiteScript(
        {
          version: String(v),
          parentSiteCode: site.parent,
          parentServer: lower(parentServer),
          siteCode: site.siteCode,
          name: site.name ?? site.siteCode,
          server: site.server,
          adoptOnly: p.adoptOnly,
        },
        action,
      );
    }),
  );
  return {
    install: remoteStep({
      name: `${ctx.name}-install`,
      step: "secondary-site",
      connection: connectionFor(p, parent.server, "network"),
      scripts,
      deletes: true,
      // Kept as they were in 0.1: a new element would replace (uninstall) every secondary on upgrade.
      triggers: [pulumi.output(d.siteCode as pulumi.Input<string>).apply(upper), pulumi.output(d.server as pulumi.Input<string>).apply(lower)],
      deleteBeforeReplace: true,
      secret: false,
      parent: ctx.parent,
      dependsOn: [ctx.check, ...(options.dependsOn ?? [])],
    }),
  };
}
