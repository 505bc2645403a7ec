import * as pulumi from "@pulumi/pulumi";
import type * as command from "@pulumi/command";
import { boundaryGroupScript } from "../../scripts/boundary-group";
import { dpRoleScript } from "../../scripts/dp-role";
import { hostPrepareScript } from "../../scripts/host-prepare";
import { primarySiteVerifyScript } from "../../scripts/primary-site";
import { secondarySiteScript } from "../../scripts/secondary-site";
import type { ScriptAction } from "../../scripts/types";
import type { ActionScripts } from "../../scripts/wrapper";
import { remoteStep, scriptOr } from "./command";
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

/** Scripts of every action from one generator; `deletes: false` leaves delete out. */
function scriptsOf(step: string, generate: (action: ScriptAction) => string, deletes = true): ActionScripts {
  const [create, update, remove] = ACTIONS.map((action) => scriptOr(`${step}/${action}`, () => generate(action)));
  return deletes ? { create, update, delete: remove } : { create, update };
}

function required<T>(what: string, value: T | undefined, key: string, why: string): T {
  if (value === undefined) {
    throw new pulumi.RunError(`${what}: provisioning needs \`${key}\` (${why}); set it, or pass provision: false to only check this object.`);
  }
  return value;
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
      dependsOn: common,
    });
  }

  const secret = ctx.pxePassword !== undefined;
  const roleScripts = pulumi
    .all([settings, version, provider.siteCode, provider.server, options.boundaryGroups, ctx.pxePassword])
    .apply(([s, v, providerCode, providerServer, groups, pxePassword]) =>
      scriptsOf("dp-role", (action) => {
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
          },
          action,
        );
      }),
    );
  steps.role = remoteStep({
    name: `${ctx.name}-role`,
    step: "dp-role",
    connection: connectionFor(p, provider.server, "network"),
    scripts: roleScripts,
    deletes: true,
    triggers,
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
  const provider = required(what, options.smsProvider, "provisioning.smsProvider", "the CAS or primary site whose SMS Provider manages the group");
  const settings = pulumi.output(d).apply((all) => normalizedSettings("boundaryGroups", all as Declared));
  const scripts = pulumi
    .all([settings, version, provider.siteCode, provider.server, options.siteSystems])
    .apply(([s, v, code, server, systems]) =>
      scriptsOf("boundary-group", (action) => {
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
  const settings = pulumi.output(d).apply((all) => normalizedSettings("primarySites", all as Declared));
  const server = pulumi.output(d.server as pulumi.Input<string>).apply(lower);
  const scripts = pulumi.all([settings, version]).apply(([s, v]) =>
    scriptsOf(
      "primary-site",
      () => {
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
  const parent = required(what, options.smsProvider, "provisioning.smsProvider", "the parent primary's site code and server, where the install runs");
  const settings = pulumi.output(d).apply((all) => normalizedSettings("secondarySites", all as Declared));
  const scripts = pulumi.all([settings, version, parent.server]).apply(([s, v, parentServer]) =>
    scriptsOf("secondary-site", (action) => {
      const site = settingsOrThrow(s);
      return secondarySiteScript(
        {
          version: String(v),
          parentSiteCode: site.parent,
          parentServer: lower(parentServer),
          siteCode: site.siteCode,
          name: site.name ?? site.siteCode,
          server: site.server,
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
      triggers: [pulumi.output(d.siteCode as pulumi.Input<string>).apply(upper), pulumi.output(d.server as pulumi.Input<string>).apply(lower)],
      deleteBeforeReplace: true,
      secret: false,
      parent: ctx.parent,
      dependsOn: [ctx.check, ...(options.dependsOn ?? [])],
    }),
  };
}
