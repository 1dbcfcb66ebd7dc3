import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminUserActions } from "@/components/account/admin-user-actions";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageRole } from "@/lib/server/auth/session";
import { listUsersForAdmin } from "@/lib/server/data/users";
import { prisma } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

// i18n-keys: admin.role.*
const searchSchema = z.object({ q: z.string().max(200).optional().catch(undefined) });

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePageRole("admin", "/admin");
  const { q } = searchSchema.parse(await searchParams);
  const users = await listUsersForAdmin(prisma, admin, { query: q, limit: 100 });
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  return (
    <div className="admin-page">
      <h1>{t("title")}</h1>
      <p className="lead">
        {t.rich("lead", {
          command: "npm run user -- promote <email>",
          code: (chunks) => <code>{chunks}</code>,
        })}
      </p>
      <p>{t("why")}</p>
      <search>
        <form className="admin-search" method="get">
          <label htmlFor="admin-search">{t("search")}</label>
          <div className="admin-search__row">
            <input id="admin-search" name="q" type="search" defaultValue={q ?? ""} maxLength={200} />
            <button type="submit" className="button">
              {t("searchButton")}
            </button>
          </div>
        </form>
      </search>
      {users.length === 0 ? (
        <p role="status">{t("noMatch", { query: q ?? "" })}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.email")}</th>
                <th scope="col">{t("columns.roles")}</th>
                <th scope="col">{t("columns.since")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.name}
                    {user.isDisabled ? <span className="badge badge--warn">{t("disabled")}</span> : null}
                  </th>
                  <td className="cell-email">{user.email}</td>
                  <td>{user.roles.map((role) => t(`role.${role}`)).join(", ")}</td>
                  <td>{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
                  <td>
                    <AdminUserActions
                      userId={user.id}
                      name={user.name}
                      isInstructor={hasRole(user, "instructor")}
                      isDisabled={user.isDisabled}
                      isSelf={user.id === admin.id}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
