import type { Metadata } from "next";
import { z } from "zod";
import { AdminUserActions } from "@/components/account/admin-user-actions";
import { hasRole } from "@/lib/server/auth/acting-user";
import { requirePageRole } from "@/lib/server/auth/session";
import { listUsersForAdmin } from "@/lib/server/data/users";
import { prisma } from "@/lib/server/db";

export const metadata: Metadata = { title: "People and roles" };

const searchSchema = z.object({ q: z.string().max(200).optional().catch(undefined) });

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePageRole("admin", "/admin");
  const { q } = searchSchema.parse(await searchParams);
  const users = await listUsersForAdmin(prisma, admin, { query: q, limit: 100 });
  const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
  return (
    <div className="admin-page">
      <h1>People and roles</h1>
      <p className="lead">
        Everyone who has an account on this Taskdeck. Each starts as a learner; make the people who teach
        instructors here (or with <code>npm run user -- promote &lt;email&gt;</code>) so they can run classes,
        build quizzes and upload banks. Disabling an account signs it out everywhere.
      </p>
      <p>
        You see this page because you are an admin: the first account on a fresh install becomes admin, and
        instructor, so someone can hand out roles.
      </p>
      <search>
        <form className="admin-search" method="get">
          <label htmlFor="admin-search">Find people by name or email</label>
          <div className="admin-search__row">
            <input id="admin-search" name="q" type="search" defaultValue={q ?? ""} maxLength={200} />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </form>
      </search>
      {users.length === 0 ? (
        <p role="status">No account matches “{q}”.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Accounts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Since</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.name}
                    {user.isDisabled ? <span className="badge badge--warn">Disabled</span> : null}
                  </th>
                  <td className="cell-email">{user.email}</td>
                  <td>{user.roles.join(", ")}</td>
                  <td>{dateFormat.format(user.createdAt)}</td>
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
