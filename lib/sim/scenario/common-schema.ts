import { z } from "zod";

/** Schema pieces shared by the scenario and its steps. */

export const toggle = z.preprocess(
  (v) => (v === "ENABLED" ? true : v === "DISABLED" ? false : v),
  z.boolean(),
);
export const name = z.string().min(1);
export const count = (max: number) => z.number().int().min(0).max(max);

/** "1 vCPU" → 1024, "2 GB" → 2048, "512" → 512: the forms the console and the API accept. */
export function sizeValue(unit: "vcpu" | "gb") {
  return z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(v);
    if (!m) return v;
    const n = Number(m[1]);
    const suffix = (m[2] ?? "").toLowerCase();
    if (suffix === "") return n;
    if (unit === "vcpu" && suffix === "vcpu") return Math.round(n * 1024);
    if (unit === "gb" && (suffix === "gb" || suffix === "gib")) return Math.round(n * 1024);
    if (unit === "gb" && (suffix === "mb" || suffix === "mib")) return n;
    return v;
  }, z.number().int().positive());
}

export const launchType = z.enum(["EC2", "FARGATE"]);

export const strategyItem = z.preprocess(
  (v) => (typeof v === "string" ? { provider: v } : v),
  z.strictObject({
    provider: name,
    base: count(100000).default(0),
    weight: count(1000).default(1),
  }),
);

export const placementStrategySchema = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const [type, ...rest] = v.split(":");
    return rest.length ? { type, field: rest.join(":") } : { type };
  },
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("binpack"), field: z.enum(["cpu", "memory"]) }),
    z.strictObject({
      type: z.literal("spread"),
      field: z.string().default("attribute:ecs.availability-zone"),
    }),
    z.strictObject({ type: z.literal("random") }),
  ]),
);

export const placementConstraintSchema = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const i = v.indexOf(":");
    return i < 0 ? { type: v } : { type: v.slice(0, i), expression: v.slice(i + 1).trim() };
  },
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("distinctInstance") }),
    z.strictObject({ type: z.literal("memberOf"), expression: z.string().min(1) }),
  ]),
);

export const volumeConfigurationSchema = z.strictObject({
  name,
  roleArn: z.string().optional(),
  sizeGiB: z.number().int().min(1).max(16384).default(20),
  deleteOnTermination: z.boolean().default(true),
});

/**
 * CreateService/UpdateService EBS settings: ServiceManagedEBSVolumeConfiguration has no
 * termination policy (service task volumes are always deleted), so no deleteOnTermination.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html
 */
export const serviceVolumeConfigurationSchema = volumeConfigurationSchema.omit({ deleteOnTermination: true });

export const launchFields = {
  launchType: launchType.optional(),
  capacityProviderStrategy: z.array(strategyItem).optional(),
  placementStrategy: z.array(placementStrategySchema).optional(),
  placementConstraints: z.array(placementConstraintSchema).optional(),
  platformVersion: z.string().optional(),
  subnets: z.array(z.string()).optional(),
  securityGroups: z.array(z.string()).optional(),
  volumeConfigurations: z.array(volumeConfigurationSchema).optional(),
};
