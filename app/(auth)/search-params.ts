import { z } from "zod";
import { safeNextPath } from "@/lib/server/auth/origin";

// The auth pages' query string, checked like any other input: ?next=/path (same site only).

const schema = z.object({
  next: z.union([z.string(), z.array(z.string())]).optional(),
  deleted: z.union([z.string(), z.array(z.string())]).optional(),
});

export type AuthSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Where to go after signing in or up, and whether an account was just deleted. */
export async function readAuthSearchParams(
  searchParams: AuthSearchParams,
  fallback: string,
): Promise<{ next: string; isAfterDeletion: boolean }> {
  const parsed = schema.safeParse(await searchParams);
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const next = parsed.success ? first(parsed.data.next) : undefined;
  const deleted = parsed.success ? first(parsed.data.deleted) : undefined;
  return { next: safeNextPath(next, fallback), isAfterDeletion: deleted === "1" };
}
