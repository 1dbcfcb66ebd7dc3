import { BUILTIN_ROLES, MANAGED_POLICIES, roleName } from "../aws/iam";
import type { RoleSpec } from "../model";
import { type Msg, m } from "../text";
import { didYouMean } from "./suggest";

export type Path = Array<string | number>;
/** A problem as `sim` catalog keys (the parser renders the English; the sandbox, the reader's language). */
export type Issue = { path: Path; message: Msg; hint?: Msg };

/** Collects cross-reference problems while defaults are filled in. */
export class NormalizeContext {
  readonly issues: Issue[] = [];
  readonly roles: Record<string, RoleSpec> = {};

  issue(path: Path, message: Msg, hint?: Msg): void {
    this.issues.push(hint === undefined ? { path, message } : { path, message, hint });
  }

  /**
   * Resolves a role reference (name or ARN); a built-in role is created on first use.
   * `use` is the slot: a role declared without `trust` takes that slot's principal
   * the first time it is used (the instance profile → ec2.amazonaws.com, task and
   * execution roles → ecs-tasks.amazonaws.com, EBS and service roles → ecs.amazonaws.com).
   */
  role(ref: string | null | undefined, path: Path, use?: { principal: string; slot: string }): string | null {
    if (ref === null || ref === undefined) return null;
    const name = roleName(ref);
    const defined = this.roles[name];
    if (defined) {
      if (defined.trust === null && use) {
        defined.trust = use.principal;
        defined.trustFrom = use.slot;
      }
      return name;
    }
    const builtin = BUILTIN_ROLES[name];
    if (builtin) {
      this.roles[name] = {
        name,
        actions: builtin.policies.flatMap((p) => MANAGED_POLICIES[p] ?? []),
        managedPolicies: [...builtin.policies],
        trust: builtin.trust,
      };
      return name;
    }
    this.issue(
      path,
      m("scenario.roleNotDefined", { name }),
      didYouMean(name, [...Object.keys(this.roles), ...Object.keys(BUILTIN_ROLES)]),
    );
    return name;
  }
}
