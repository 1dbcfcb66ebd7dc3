import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { SignOutButton } from "@/components/account/sign-out-button";
import { requirePageUser } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Your account" };

const ROLE_LABELS = { learner: "Learner", instructor: "Instructor", admin: "Admin" } as const;

/** Why an account holds more than the learner role, and what each extra role opens. */
function RolesExplained({ roles }: { roles: readonly string[] }) {
  const isAdmin = roles.includes("admin");
  return (
    <div className="roles-explained">
      {isAdmin ? (
        <p>
          You have every role because yours was the first account on this Taskdeck: the first person to sign
          up runs it.
        </p>
      ) : null}
      <ul>
        <li>
          <strong>Learner</strong>: study, take quizzes and practice exams, follow your progress.
        </li>
        {roles.includes("instructor") ? (
          <li>
            <strong>Instructor</strong>: run classes, build quizzes from the banks and upload banks of your
            own (Classes in the menu).
          </li>
        ) : null}
        {isAdmin ? (
          <li>
            <strong>Admin</strong>: the <Link href="/admin">People</Link> page lists every account; there you
            make someone an instructor, take the role back, or disable an account.
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="account-page">
      <h1>Your account</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <dl className="profile-list">
          <div>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>
              <ul className="role-list" aria-label="Roles">
                {user.roles.map((role) => (
                  <li key={role} className="badge">
                    {ROLE_LABELS[role]}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {user.roles.length > 1 ? <RolesExplained roles={user.roles} /> : null}
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Change password</h2>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">Export your data</h2>
        <p>Download everything Taskdeck keeps about you as a JSON file.</p>
        <a className="button" href="/account/export" download>
          Download my data
        </a>
      </section>
      <section className="card" aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">Sign out</h2>
        <p>Ends this session on the server; your other devices stay signed in.</p>
        <SignOutButton />
      </section>
      <section className="card card--danger" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete your account</h2>
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}
