import type { Sim } from "../engine/context";
import type { TaskDefinitionSpec } from "../model";
import { resolveNetworkMode } from "../rules/cluster";
import { fargateRegistrationErrors } from "../rules/fargate";
import { iamRegistrationErrors } from "../rules/iam";
import { queryError } from "../rules/placement";
import { storageRegistrationErrors } from "../rules/storage";
import { m, type Text } from "../text";

type RuleError = { ruleId: string; error: Text };

/** distinctInstance belongs to RunTask/CreateService/UpdateService (R10); memberOf may sit in a task definition (R11). */
function constraintErrors(sim: Sim, td: TaskDefinitionSpec): RuleError[] {
  const out: RuleError[] = [];
  for (const c of td.placementConstraints) {
    if (c.type === "distinctInstance") {
      out.push({
        ruleId: "R10",
        error: m("engine.register.taskDefinitionSetsDistinctinstance", { tdFamily: td.family }),
      });
      continue;
    }
    const e = queryError(c.expression);
    if (e)
      out.push({
        ruleId: "R11",
        error: m("engine.register.memberofIsNotA", { expression: c.expression, e }),
      });
    else
      sim.rule(
        "R11",
        "allowed",
        m("engine.register.memberofIsAllowedIn", { expression: c.expression, tdFamily: td.family }),
      );
  }
  return out;
}

/**
 * Port mappings the network mode forbids: none takes no port mappings (R04);
 * awsvpc and host need hostPort omitted or equal to containerPort (R05).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html (networkMode)
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 */
function portMappingErrors(td: TaskDefinitionSpec, mode: string): RuleError[] {
  const out: RuleError[] = [];
  for (const c of td.containers) {
    if (mode === "none" && c.portMappings.length > 0) {
      out.push({
        ruleId: "R04",
        error: m("engine.register.containerHasPortMappings", { cName: c.name }),
      });
      continue;
    }
    if (mode !== "awsvpc" && mode !== "host") continue;
    const bad = c.portMappings.find(
      (p) => p.hostPort !== null && p.hostPort !== 0 && p.hostPort !== p.containerPort,
    );
    if (bad) {
      out.push({
        ruleId: "R05",
        error: m("engine.register.containerMapsContainerportTo", {
          cName: c.name,
          containerPort: bad.containerPort,
          hostPort: bad.hostPort,
          mode,
        }),
      });
    }
  }
  return out;
}

/**
 * RegisterTaskDefinition with AWS's validation: a refused definition gets
 * no revision and cannot be run.
 */
export function registerTaskDefinition(sim: Sim, family: string): boolean {
  const spec = sim.scenario.taskDefinitions.find((t) => t.family === family);
  if (!spec) return false;
  const previous = sim.taskDefs.get(family);
  const revision = (previous?.revision ?? 0) + 1;
  const network = resolveNetworkMode(sim, spec);
  const errors: RuleError[] = [
    ...("error" in network ? [network] : portMappingErrors(spec, network.mode)),
    ...fargateRegistrationErrors(spec),
    ...iamRegistrationErrors(spec),
    ...storageRegistrationErrors(spec),
    ...constraintErrors(sim, spec),
  ];
  if (errors.length || "error" in network) {
    for (const e of errors)
      sim.deny(e.ruleId, m("engine.register.registertaskdefinitionRefused", { family, error: e.error }), {
        subject: family,
      });
    sim.taskDefStates.push({ family, revision, status: "REJECTED", networkMode: spec.networkMode });
    return false;
  }
  if (spec.requiresCompatibilities.includes("FARGATE")) {
    sim.rule("R15", "allowed", m("engine.register.cpuUnitsWithMib", { cpu: spec.cpu, memory: spec.memory }));
  }
  sim.taskDefs.set(family, { spec, revision, networkMode: network.mode });
  sim.taskDefStates.push({ family, revision, status: "ACTIVE", networkMode: network.mode });
  sim.emit(
    "register",
    m("engine.register.registeredTaskDefinition", {
      family,
      revision,
      mode: network.mode,
      requiresCompatibilities: spec.requiresCompatibilities.join("/"),
    }),
    {
      subject: family,
    },
  );
  return true;
}
