/**
 * Who can reach what: the IAM roles a scenario uses, each with the AWS services it reaches
 * by its permissions and the calls it made (allowed or denied). Pure, for the roles panel
 * and the text description.
 */
import type { RoleCall, Scenario } from "@/lib/sim";
import { english, type Msg, m, type Text } from "@/lib/sim/text";

/** The services the roles panel draws, with the IAM prefix of their actions. */
export const ROLE_SERVICES = [
  { prefix: "s3", name: "S3" },
  { prefix: "dynamodb", name: "DynamoDB" },
  { prefix: "ecr", name: "ECR" },
  { prefix: "logs", name: "CloudWatch Logs" },
  { prefix: "secretsmanager", name: "Secrets Manager" },
  { prefix: "ssm", name: "SSM" },
] as const;

export type RoleLinkKind = "allowed" | "denied" | "can-reach";

export type RoleLink = {
  service: string;
  kind: RoleLinkKind;
  /** The actions called (allowed or denied), or that the permissions cover (can-reach). */
  actions: string[];
  /** How many calls the link stands for (0 for can-reach). */
  calls: number;
  ruleIds: string[];
};

/** `uses`: where the role is used, as messages of the `sim` catalog ("task role of web"). */
export type RoleRow = { name: string; uses: Msg[]; links: RoleLink[] };

const NO_ROLE = "(no role)";

/** True when one of the action patterns covers some action of the service prefix. */
export function reachesService(actions: readonly string[], prefix: string): boolean {
  return actions.some((raw) => {
    const action = raw.toLowerCase();
    if (action === "*") return true;
    const [service = ""] = action.split(":");
    if (service === prefix) return true;
    if (!service.includes("*") && !service.includes("?")) return false;
    const pattern = new RegExp(
      `^${service
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
    );
    return pattern.test(prefix);
  });
}

/** Uses by role, each by its English words (one use said twice is listed once). */
type Uses = Map<string, Map<string, Msg>>;

function addUse(uses: Uses, role: string | null, use: Msg): void {
  if (!role) return;
  const set = uses.get(role) ?? new Map<string, Msg>();
  set.set(english(use), use);
  uses.set(role, set);
}

function joinIds(ids: string[]): Text {
  return ids.length > 3
    ? m("ui.roles.use.moreIds", { ids: ids.slice(0, 3).join(", "), count: ids.length - 3 })
    : ids.join(", ");
}

/** Where each role is used in the scenario: "task role of web", "instance profile of i-1, i-2". */
function roleUses(scenario: Scenario): Uses {
  // i18n-keys: sim.ui.roles.use.*
  const uses: Uses = new Map();
  for (const td of scenario.taskDefinitions) {
    addUse(uses, td.taskRole, m("ui.roles.use.taskRole", { family: td.family }));
    addUse(uses, td.executionRole, m("ui.roles.use.executionRole", { family: td.family }));
  }
  const byProfile = new Map<string, string[]>();
  for (const instance of scenario.instances) {
    if (!instance.instanceProfile) continue;
    byProfile.set(instance.instanceProfile, [
      ...(byProfile.get(instance.instanceProfile) ?? []),
      instance.id,
    ]);
  }
  for (const [role, ids] of byProfile)
    addUse(uses, role, m("ui.roles.use.instanceProfile", { ids: joinIds(ids) }));
  for (const svc of scenario.services) {
    for (const v of svc.volumeConfigurations)
      addUse(uses, v.role, m("ui.roles.use.infrastructureRole", { volume: v.name, service: svc.name }));
    addUse(uses, svc.role, m("ui.roles.use.serviceRole", { service: svc.name }));
  }
  return uses;
}

// i18n-keys: sim.ui.roles.via.*
const viaUse = (via: RoleCall["via"]): Msg => m(`ui.roles.via.${via}`);

/**
 * One row per role: its uses, then a link per service it reaches or called. Denied calls
 * come first, then allowed calls, then the services its permissions reach without a call.
 */
export function roleRows(scenario: Scenario, calls: readonly RoleCall[]): RoleRow[] {
  const uses = roleUses(scenario);
  for (const call of calls) {
    const name = call.principal || NO_ROLE;
    const use = viaUse(call.via);
    // "task role of web" already says "task role"; add the call's view only when it is new.
    if (![...(uses.get(name)?.keys() ?? [])].some((u) => u.startsWith(english(use)))) addUse(uses, name, use);
  }
  const rows: RoleRow[] = [];
  for (const [name, useSet] of uses) {
    const links: RoleLink[] = [];
    const grouped = new Map<string, RoleLink>();
    for (const call of calls) {
      if ((call.principal || NO_ROLE) !== name) continue;
      const kind: RoleLinkKind = call.allowed ? "allowed" : "denied";
      const key = `${kind}:${call.service}`;
      const link = grouped.get(key) ?? { service: call.service, kind, actions: [], calls: 0, ruleIds: [] };
      if (!link.actions.includes(call.action)) link.actions.push(call.action);
      if (!link.ruleIds.includes(call.ruleId)) link.ruleIds.push(call.ruleId);
      link.calls += 1;
      grouped.set(key, link);
    }
    const called = [...grouped.values()];
    links.push(...called.filter((l) => l.kind === "denied"), ...called.filter((l) => l.kind === "allowed"));
    const spec = scenario.roles[name];
    if (spec) {
      for (const service of ROLE_SERVICES) {
        if (called.some((l) => l.service === service.name && l.kind === "allowed")) continue;
        if (!reachesService(spec.actions, service.prefix)) continue;
        const covered = spec.actions.filter((a) => reachesService([a], service.prefix));
        links.push({ service: service.name, kind: "can-reach", actions: covered, calls: 0, ruleIds: [] });
      }
    }
    rows.push({ name, uses: [...useSet.values()], links });
  }
  return rows;
}
