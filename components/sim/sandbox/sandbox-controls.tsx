"use client";

import { useId } from "react";
import {
  APP_CALLS,
  FARGATE_CPU,
  INSTANCE_TYPE_NAMES,
  LIMITS,
  LOAD_BALANCERS,
  NETWORK_MODES,
  PLACEMENT_STRATEGIES,
  PLATFORM_VERSIONS,
  type SandboxConfig,
  TARGET_TYPES,
  TASK_MEMORY,
  VOLUME_KINDS,
} from "./config";
import { Check, MemberOfField, NumberField, Permissions, Select, toggle } from "./fields";
import {
  CALL_LABEL,
  cpuLabel,
  LB_LABEL,
  memoryLabel,
  NETWORK_LABEL,
  STRATEGY_LABEL,
  TARGET_LABEL,
  VOLUME_LABEL,
} from "./labels";

type Change = (patch: Partial<SandboxConfig>) => void;

/**
 * Every control of the sandbox, grouped in fieldsets. Each change is reported at once, so
 * the verdict beside it follows live.
 */
export function SandboxControls({ config, onChange }: { config: SandboxConfig; onChange: Change }) {
  const launchName = useId();
  const isEc2 = config.launchType === "EC2";
  return (
    <form className="sandbox-form" aria-label="Scenario controls" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="sandbox-set">
        <legend>Capacity</legend>
        <fieldset className="sandbox-subset sandbox-radios">
          <legend>Launch type</legend>
          {(["FARGATE", "EC2"] as const).map((lt) => (
            <label key={lt} className="sandbox-check">
              <input
                type="radio"
                name={launchName}
                value={lt}
                checked={config.launchType === lt}
                onChange={() => onChange({ launchType: lt })}
              />
              <span>{lt === "FARGATE" ? "Fargate" : "EC2"}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="sandbox-subset" disabled={!isEc2}>
          <legend>EC2 instances{isEc2 ? "" : " (EC2 only)"}</legend>
          <NumberField
            label="Number of instances"
            value={config.instanceCount}
            min={0}
            max={LIMITS.instanceCount}
            onChange={(instanceCount) => onChange({ instanceCount })}
          />
          <Select
            label="Instance type"
            value={config.instanceType}
            options={INSTANCE_TYPE_NAMES}
            labels={Object.fromEntries(INSTANCE_TYPE_NAMES.map((t) => [t, t]))}
            onChange={(instanceType) => onChange({ instanceType })}
          />
          <Check
            label="Instance profile ecsInstanceRole (lets the agent register)"
            checked={config.instanceProfile}
            onChange={(instanceProfile) => onChange({ instanceProfile })}
          />
          <Check
            label={
              <>
                Agent blocks IMDS for awsvpc tasks (<code>ECS_AWSVPC_BLOCK_IMDS</code>)
              </>
            }
            checked={config.blockImds}
            onChange={(blockImds) => onChange({ blockImds })}
          />
        </fieldset>
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>Task definition</legend>
        <Select
          label="Network mode"
          value={config.networkMode}
          options={NETWORK_MODES}
          labels={NETWORK_LABEL}
          onChange={(networkMode) => onChange({ networkMode })}
        />
        <Select
          label="Task CPU"
          value={config.taskCpu === null ? "unset" : String(config.taskCpu)}
          options={["unset", ...FARGATE_CPU.map(String)]}
          labels={{
            unset: "Not set (EC2 only)",
            ...Object.fromEntries(FARGATE_CPU.map((c) => [String(c), cpuLabel(c)])),
          }}
          onChange={(v) => onChange({ taskCpu: v === "unset" ? null : Number(v) })}
        />
        <Select
          label="Task memory"
          value={config.taskMemory === null ? "unset" : String(config.taskMemory)}
          options={["unset", ...TASK_MEMORY.map(String)]}
          labels={{
            unset: "Not set (EC2 only)",
            ...Object.fromEntries(TASK_MEMORY.map((m) => [String(m), memoryLabel(m)])),
          }}
          onChange={(v) => onChange({ taskMemory: v === "unset" ? null : Number(v) })}
        />
        <Select
          label="Container image"
          value={config.privateImage ? "ecr" : "public"}
          options={["public", "ecr"]}
          labels={{ public: "Public image (ECR Public nginx)", ecr: "Private Amazon ECR image" }}
          onChange={(v) => onChange({ privateImage: v === "ecr" })}
        />
        <Check
          label="Static host port 80 (bridge mode; otherwise a dynamic port)"
          checked={config.staticHostPort}
          onChange={(staticHostPort) => onChange({ staticHostPort })}
        />
        <Check
          label="Inject a secret from Secrets Manager at start"
          checked={config.secret}
          onChange={(secret) => onChange({ secret })}
        />
        <Check
          label="Send logs with the awslogs driver"
          checked={config.awslogs}
          onChange={(awslogs) => onChange({ awslogs })}
        />
        <Select
          label="Fargate platform version"
          value={config.platformVersion}
          options={PLATFORM_VERSIONS}
          labels={{ LATEST: "LATEST (1.4.0)", "1.4.0": "1.4.0", "1.3.0": "1.3.0" }}
          onChange={(platformVersion) => onChange({ platformVersion })}
        />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>Service</legend>
        <NumberField
          label="Desired count"
          value={config.desiredCount}
          min={0}
          max={LIMITS.desiredCount}
          onChange={(desiredCount) => onChange({ desiredCount })}
        />
        <Select
          label="Placement strategy"
          value={config.placementStrategy}
          options={PLACEMENT_STRATEGIES}
          labels={STRATEGY_LABEL}
          onChange={(placementStrategy) => onChange({ placementStrategy })}
        />
        <Check
          label="Constraint: distinctInstance"
          checked={config.distinctInstance}
          onChange={(distinctInstance) => onChange({ distinctInstance })}
        />
        <MemberOfField value={config.memberOf} onChange={(memberOf) => onChange({ memberOf })} />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>Load balancer</legend>
        <Select
          label="Load balancer type"
          value={config.loadBalancer}
          options={LOAD_BALANCERS}
          labels={LB_LABEL}
          onChange={(loadBalancer) => onChange({ loadBalancer })}
        />
        <Select
          label="Target type"
          value={config.targetType}
          options={TARGET_TYPES}
          labels={TARGET_LABEL}
          onChange={(targetType) => onChange({ targetType })}
        />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>Volumes</legend>
        {VOLUME_KINDS.map((kind) => (
          <Check
            key={kind}
            label={VOLUME_LABEL[kind]}
            checked={config.volumes.includes(kind)}
            onChange={(on) => onChange({ volumes: toggle(config.volumes, kind, on) })}
          />
        ))}
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>IAM roles</legend>
        <Check
          label="Task role appRole (the application's AWS calls)"
          checked={config.taskRole}
          onChange={(taskRole) => onChange({ taskRole })}
        />
        <Permissions
          legend="appRole allows"
          value={config.taskRolePermissions}
          disabled={!config.taskRole}
          onChange={(taskRolePermissions) => onChange({ taskRolePermissions })}
        />
        <Check
          label="Execution role execRole (image pulls, logs, secrets)"
          checked={config.executionRole}
          onChange={(executionRole) => onChange({ executionRole })}
        />
        <Permissions
          legend="execRole allows"
          value={config.executionRolePermissions}
          disabled={!config.executionRole}
          onChange={(executionRolePermissions) => onChange({ executionRolePermissions })}
        />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>Application</legend>
        <Select
          label="Application call"
          value={config.call}
          options={APP_CALLS}
          labels={CALL_LABEL}
          onChange={(call) => onChange({ call })}
          hint="What the running container does after it starts."
        />
      </fieldset>
    </form>
  );
}
