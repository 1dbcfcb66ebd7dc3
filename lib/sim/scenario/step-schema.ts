import { z } from "zod";
import { m } from "../text";
import {
  launchFields,
  placementConstraintSchema,
  placementStrategySchema,
  serviceVolumeConfigurationSchema,
} from "./common-schema";

/**
 * One step is a map with a single key naming the operation, e.g.
 * `- scale: { service: web, desiredCount: 4 }` or `- failInstance: i-2`.
 * Scalar shorthands expand to the operation's main field.
 */
const wrap = (field: string) => (v: unknown) =>
  v === null || v === undefined ? {} : typeof v === "object" ? v : { [field]: v };

const fromOnly = z.preprocess(wrap("from"), z.strictObject({ from: z.string().optional() }));

export const STEP_OPS = [
  "registerTaskDefinition",
  "runTask",
  "createService",
  "updateService",
  "scale",
  "failInstance",
  "drainInstance",
  "spotInterruption",
  "changeLoad",
  "call",
  "imagePull",
  "shipLogs",
  "mountVolume",
  "readInstanceMetadata",
] as const;

/** A bare name (`- spotInterruption`) is the operation with its defaults. */
const bare = (v: unknown) => (typeof v === "string" ? { [v]: null } : v);

export const stepSchema = z.preprocess(
  bare,
  z
    .strictObject({
      registerTaskDefinition: z.string().nullable().optional(),
      runTask: z
        .preprocess(
          wrap("taskDefinition"),
          z.strictObject({
            taskDefinition: z.string().optional(),
            count: z.number().int().min(1).max(10000).default(1),
            group: z.string().optional(),
            ...launchFields,
          }),
        )
        .optional(),
      createService: z.string().nullable().optional(),
      updateService: z
        .preprocess(
          wrap("service"),
          z.strictObject({
            service: z.string().optional(),
            desiredCount: z.number().int().min(0).max(10000).optional(),
            taskDefinition: z.string().optional(),
            placementStrategy: z.array(placementStrategySchema).optional(),
            placementConstraints: z.array(placementConstraintSchema).optional(),
            volumeConfigurations: z.array(serviceVolumeConfigurationSchema).optional(),
            platformVersion: z.string().optional(),
          }),
        )
        .optional(),
      scale: z
        .preprocess(
          wrap("desiredCount"),
          z.strictObject({
            service: z.string().optional(),
            desiredCount: z.number().int().min(0).max(10000),
          }),
        )
        .optional(),
      failInstance: z.string().optional(),
      drainInstance: z.string().optional(),
      spotInterruption: z
        .preprocess(wrap("target"), z.strictObject({ target: z.string().optional() }))
        .optional(),
      changeLoad: z
        .preprocess(
          wrap("value"),
          z.strictObject({
            service: z.string().optional(),
            value: z.number().min(0).max(100000),
            duringDeployment: z.boolean().default(false),
          }),
        )
        .optional(),
      call: z
        .preprocess(
          wrap("action"),
          z.strictObject({
            action: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*]+$/, "An IAM action looks like s3:PutObject"),
            from: z.string().optional(),
          }),
        )
        .optional(),
      imagePull: fromOnly.optional(),
      shipLogs: fromOnly.optional(),
      mountVolume: z
        .preprocess(
          wrap("from"),
          z.strictObject({ from: z.string().optional(), volume: z.string().optional() }),
        )
        .optional(),
      readInstanceMetadata: fromOnly.optional(),
    })
    .superRefine((v, ctx) => {
      const keys = Object.keys(v).filter((k) => k in v);
      if (keys.length !== 1) {
        ctx.addIssue({
          code: "custom",
          message:
            keys.length === 0
              ? `A step names one operation: ${STEP_OPS.join(", ")}`
              : `A step names one operation, found ${keys.length}: ${keys.join(", ")}`,
          // The same words as a catalog key, for the sandbox (parse.ts).
          params: {
            msg:
              keys.length === 0
                ? m("scenario.oneOperation", { ops: STEP_OPS.join(", ") })
                : m("scenario.oneOperationFound", { count: keys.length, found: keys.join(", ") }),
          },
        });
      }
    }),
);

export type ParsedStep = z.output<typeof stepSchema>;
