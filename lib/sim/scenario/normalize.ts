import type { Expectation, Scenario } from "../model";
import { type Issue, NormalizeContext } from "./normalize-context";
import { normalizeCluster, normalizeInstances, normalizeNetwork, normalizeRoles } from "./normalize-infra";
import { normalizeSteps } from "./normalize-steps";
import { normalizeServices, normalizeTaskDefinitions } from "./normalize-workload";
import type { ParsedScenario } from "./schema";

/**
 * Fills every default that depends on the rest of the scenario and checks
 * cross-references (a service's task definition, a step's instance, …).
 * Returns issues with paths into the author's YAML.
 */
export function normalize(input: ParsedScenario): { scenario: Scenario; issues: Issue[] } {
  const ctx = new NormalizeContext();
  normalizeRoles(input, ctx);
  const { azs, subnets } = normalizeNetwork(input, ctx);
  const cluster = normalizeCluster(input, ctx);
  const instances = normalizeInstances(input, azs, subnets, cluster, ctx);
  const hasAsg = cluster.capacityProviders.some((p) => p.kind === "asg");
  const defaultLaunchType = input.launchType ?? (instances.length > 0 || hasAsg ? "EC2" : "FARGATE");
  const hasDefaultStrategy = cluster.defaultStrategy.length > 0;
  const taskDefinitions = normalizeTaskDefinitions(input, defaultLaunchType, ctx);
  const services = normalizeServices(
    input,
    { taskDefinitions, subnets, azs, vpc: input.vpc, defaultLaunchType, hasDefaultStrategy },
    ctx,
  );
  const steps = normalizeSteps(
    input,
    { taskDefinitions, services, instances, subnets, defaultLaunchType, hasDefaultStrategy },
    ctx,
  );
  const expect: Expectation | null = input.expect
    ? {
        verdict: input.expect.verdict ?? null,
        rules: input.expect.rules,
        denied: input.expect.denied,
        tasks: { ...input.expect.tasks },
      }
    : null;
  return {
    scenario: {
      title: input.title ?? null,
      seed: input.seed ?? null,
      date: input.date ?? null,
      region: input.region,
      vpc: input.vpc,
      azs,
      subnets,
      cluster,
      instances,
      roles: ctx.roles,
      taskDefinitions,
      services,
      steps,
      expect,
    },
    issues: ctx.issues,
  };
}
