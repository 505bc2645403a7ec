import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
import { create, type Kind } from "../../lib/pulumi/provider-logic";

/**
 * Pulumi mocks that record what a program registers: type, name, inputs, parent URN and the
 * dependencies the SDK sent (the mock API itself passes neither parent nor dependencies, so the
 * mock monitor's registerResource is wrapped). Dynamic resources answer with the real
 * provider logic's create(), so outputs are what a deployment would store.
 */

const req = createRequire(__filename);
const settings = req("@pulumi/pulumi/runtime/settings");

export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly inputs: Record<string, any>;
  readonly urn: string;
  readonly parent: string;
  readonly dependencies: string[];
  readonly state: Record<string, any>;
}

export const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Removes the SDK's secret wrappers (the mock sees inputs as the engine would store them). */
export function unwrapSecrets(v: any): any {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v && typeof v === "object") {
    if (v[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270") return unwrapSecrets(v.value);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return v;
}

export const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic/configmgr:";
const KIND: Record<string, string> = {
  PrimarySite: "primarySite",
  SecondarySite: "secondarySite",
  DistributionPoint: "distributionPoint",
  BoundaryGroup: "boundaryGroup",
  Topology: "topology",
};

export async function setupMocks(options: { preview?: boolean; config?: Record<string, string>; secretKeys?: string[] } = {}) {
  const registrations: Registration[] = [];
  const pending = new Map<string, { parent: string; dependencies: string[] }>();
  if (options.config) pulumi.runtime.setAllConfig(options.config, options.secretKeys ?? []);
  await pulumi.runtime.setMocks(
    {
      newResource: async (a) => {
        const meta = pending.get(`${a.type}::${a.name}`) ?? { parent: "", dependencies: [] };
        let state: Record<string, any> = { ...a.inputs };
        let id: string | undefined = a.custom ? `${a.name}-id` : undefined;
        // During preview the engine does not call create: outputs are the checked inputs.
        if (a.type.startsWith(DYNAMIC_PREFIX) && !options.preview) {
          const kind = KIND[a.type.slice(DYNAMIC_PREFIX.length)] as Kind;
          const created = await create(kind, unwrapSecrets(a.inputs));
          id = created.id;
          state = { ...created.outs, __provider: a.inputs.__provider };
        }
        registrations.push({
          type: a.type,
          name: a.name,
          custom: a.custom ?? false,
          inputs: a.inputs,
          urn: "",
          parent: meta.parent,
          dependencies: meta.dependencies,
          state,
        });
        return { id, state };
      },
      call: (a) => a.inputs,
    },
    "proj",
    "dev",
    options.preview ?? false,
  );
  const monitor = settings.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: any) => {
    pending.set(`${request.getType()}::${request.getName()}`, {
      parent: request.getParent(),
      dependencies: request.getDependenciesList(),
    });
    return register(request, (err: any, resp: any) => {
      if (!err) {
        const r = registrations.find((x) => x.type === request.getType() && x.name === request.getName() && x.urn === "");
        if (r) (r as { urn: string }).urn = resp.getUrn();
      }
      callback(err, resp);
    });
  };
  return registrations;
}

/** An Output's value (undefined when unknown in preview). */
export function valueOf<T>(o: pulumi.Output<T> | pulumi.Input<T>): Promise<T> {
  return (pulumi.output(o) as any).promise();
}

export function isSecret(o: pulumi.Output<unknown>): Promise<boolean> {
  return (o as any).isSecret;
}

/** Waits until every given resource is registered. */
export async function registered(resources: pulumi.Resource[]): Promise<void> {
  await Promise.all(resources.map((r) => valueOf(r.urn)));
}

/**
 * The script a step's stdin carries. The stdin may be the script itself, or its UTF-8 bytes in
 * base64 after a `pulumi-configmgr-stdin sha256=… bytes=…` header line (so that no code page on the
 * host can change it): either way, the text the bootstrap runs.
 */
export function scriptOfStdin(stdin: unknown): string {
  const text = String(stdin);
  const [header, ...rest] = text.split(/\r?\n/);
  if (!/^pulumi-configmgr-stdin sha256=[0-9a-f]{64} bytes=\d+$/.test(header.trim())) return text;
  return Buffer.from(rest.join(""), "base64").toString("utf8");
}
