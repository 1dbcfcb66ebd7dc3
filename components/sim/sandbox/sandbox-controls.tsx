"use client";

import { useTranslations } from "next-intl";
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
import { cpuLabel, memoryLabel, optionLabels } from "./labels";

type Change = (patch: Partial<SandboxConfig>) => void;

/**
 * Every control of the sandbox, grouped in fieldsets. Each change is reported at once, so
 * the verdict beside it follows live.
 */
export function SandboxControls({ config, onChange }: { config: SandboxConfig; onChange: Change }) {
  const t = useTranslations("sim.controls");
  const options = useTranslations("sim.ui.options") as unknown as (key: string) => string;
  const label = optionLabels(options);
  const launchName = useId();
  const isEc2 = config.launchType === "EC2";
  return (
    <form className="sandbox-form" aria-label={t("formLabel")} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="sandbox-set">
        <legend>{t("legends.capacity")}</legend>
        <fieldset className="sandbox-subset sandbox-radios">
          <legend>{t("legends.launchType")}</legend>
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
          <legend>{isEc2 ? t("legends.instances") : t("legends.instancesEc2Only")}</legend>
          <NumberField
            label={t("labels.numberOfInstances")}
            value={config.instanceCount}
            min={0}
            max={LIMITS.instanceCount}
            onChange={(instanceCount) => onChange({ instanceCount })}
          />
          <Select
            label={t("labels.instanceType")}
            value={config.instanceType}
            options={INSTANCE_TYPE_NAMES}
            labels={Object.fromEntries(INSTANCE_TYPE_NAMES.map((t) => [t, t]))}
            onChange={(instanceType) => onChange({ instanceType })}
          />
          <Check
            label={t("labels.instanceProfile")}
            checked={config.instanceProfile}
            onChange={(instanceProfile) => onChange({ instanceProfile })}
          />
          <Check
            label={t.rich("blockImds", { code: (chunks) => <code>{chunks}</code> })}
            checked={config.blockImds}
            onChange={(blockImds) => onChange({ blockImds })}
          />
        </fieldset>
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>{t("legends.taskDefinition")}</legend>
        <Select
          label={t("labels.networkMode")}
          value={config.networkMode}
          options={NETWORK_MODES}
          labels={label.network}
          onChange={(networkMode) => onChange({ networkMode })}
        />
        <Select
          label={t("labels.taskCpu")}
          value={config.taskCpu === null ? "unset" : String(config.taskCpu)}
          options={["unset", ...FARGATE_CPU.map(String)]}
          labels={{
            unset: t("notSetEc2Only"),
            ...Object.fromEntries(FARGATE_CPU.map((c) => [String(c), cpuLabel(c)])),
          }}
          onChange={(v) => onChange({ taskCpu: v === "unset" ? null : Number(v) })}
        />
        <Select
          label={t("labels.taskMemory")}
          value={config.taskMemory === null ? "unset" : String(config.taskMemory)}
          options={["unset", ...TASK_MEMORY.map(String)]}
          labels={{
            unset: t("notSetEc2Only"),
            ...Object.fromEntries(TASK_MEMORY.map((m) => [String(m), memoryLabel(m)])),
          }}
          onChange={(v) => onChange({ taskMemory: v === "unset" ? null : Number(v) })}
        />
        <Select
          label={t("labels.containerImage")}
          value={config.privateImage ? "ecr" : "public"}
          options={["public", "ecr"]}
          labels={{ public: t("imagePublic"), ecr: t("imagePrivate") }}
          onChange={(v) => onChange({ privateImage: v === "ecr" })}
        />
        <Check
          label={t("labels.staticPort")}
          checked={config.staticHostPort}
          onChange={(staticHostPort) => onChange({ staticHostPort })}
        />
        <Check
          label={t("labels.secret")}
          checked={config.secret}
          onChange={(secret) => onChange({ secret })}
        />
        <Check
          label={t("labels.awslogs")}
          checked={config.awslogs}
          onChange={(awslogs) => onChange({ awslogs })}
        />
        <Select
          label={t("labels.platformVersion")}
          value={config.platformVersion}
          options={PLATFORM_VERSIONS}
          labels={{ LATEST: "LATEST (1.4.0)", "1.4.0": "1.4.0", "1.3.0": "1.3.0" }}
          onChange={(platformVersion) => onChange({ platformVersion })}
        />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>{t("legends.service")}</legend>
        <NumberField
          label={t("labels.desiredCount")}
          value={config.desiredCount}
          min={0}
          max={LIMITS.desiredCount}
          onChange={(desiredCount) => onChange({ desiredCount })}
        />
        <Select
          label={t("labels.placementStrategy")}
          value={config.placementStrategy}
          options={PLACEMENT_STRATEGIES}
          labels={label.strategy}
          onChange={(placementStrategy) => onChange({ placementStrategy })}
        />
        <Check
          label={t("labels.distinctInstance")}
          checked={config.distinctInstance}
          onChange={(distinctInstance) => onChange({ distinctInstance })}
        />
        <MemberOfField value={config.memberOf} onChange={(memberOf) => onChange({ memberOf })} />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>{t("legends.loadBalancer")}</legend>
        <Select
          label={t("labels.lbType")}
          value={config.loadBalancer}
          options={LOAD_BALANCERS}
          labels={label.lb}
          onChange={(loadBalancer) => onChange({ loadBalancer })}
        />
        <Select
          label={t("labels.targetType")}
          value={config.targetType}
          options={TARGET_TYPES}
          labels={label.target}
          onChange={(targetType) => onChange({ targetType })}
        />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>{t("legends.volumes")}</legend>
        {VOLUME_KINDS.map((kind) => (
          <Check
            key={kind}
            label={label.volume[kind]}
            checked={config.volumes.includes(kind)}
            onChange={(on) => onChange({ volumes: toggle(config.volumes, kind, on) })}
          />
        ))}
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>{t("legends.iamRoles")}</legend>
        <Check
          label={t("labels.taskRole")}
          checked={config.taskRole}
          onChange={(taskRole) => onChange({ taskRole })}
        />
        <Permissions
          legend={t("appRoleAllows")}
          value={config.taskRolePermissions}
          disabled={!config.taskRole}
          onChange={(taskRolePermissions) => onChange({ taskRolePermissions })}
        />
        <Check
          label={t("labels.executionRole")}
          checked={config.executionRole}
          onChange={(executionRole) => onChange({ executionRole })}
        />
        <Permissions
          legend={t("execRoleAllows")}
          value={config.executionRolePermissions}
          disabled={!config.executionRole}
          onChange={(executionRolePermissions) => onChange({ executionRolePermissions })}
        />
      </fieldset>

      <fieldset className="sandbox-set">
        <legend>{t("legends.application")}</legend>
        <Select
          label={t("labels.appCall")}
          value={config.call}
          options={APP_CALLS}
          labels={label.call}
          onChange={(call) => onChange({ call })}
          hint={t("appCallHint")}
        />
      </fieldset>
    </form>
  );
}
