// `npm run user -- <command> <email>`: the operator's way to manage accounts from the shell,
// e.g. to make the first instructor on a server nobody has signed in to yet.
//
//   promote <email> [--admin]   grant the instructor role (or admin with --admin)
//   demote <email> [--admin]    revoke the instructor role (or admin with --admin)
//   disable <email>             disable the account and end its sessions
//   enable <email>              enable it again
//   list                        every account with its roles
import { AppError, isAppError } from "@/lib/errors";
import type { ActingUser, GrantableRole } from "@/lib/server/auth/acting-user";
import {
  findUserIdByEmail,
  listUsersForAdmin,
  setAccountDisabled,
  setGrantedRole,
} from "@/lib/server/data/users";
import { prisma } from "@/lib/server/db";

/** Whoever runs this command has the database in hand already: they act as an admin. */
const OPERATOR: ActingUser = {
  id: "command-line-operator",
  name: "Command-line operator",
  email: "",
  roles: ["learner", "instructor", "admin"],
};

const USAGE = `Usage: npm run user -- <command>
  promote <email> [--admin]   grant the instructor role (admin with --admin)
  demote <email> [--admin]    revoke the instructor role (admin with --admin)
  disable <email>             disable the account and end its sessions
  enable <email>              enable a disabled account
  list                        every account with its roles`;

async function resolve(email: string | undefined): Promise<string> {
  if (!email) throw new UsageError("Give the account's email.");
  const id = await findUserIdByEmail(prisma, email);
  if (!id)
    throw new AppError("unknown-account", "There is no such account.", {
      internal: `No account has the email ${email}`,
    });
  return id;
}

class UsageError extends Error {}

async function run(args: string[]): Promise<string> {
  const [command, email, ...flags] = args;
  const role: GrantableRole = flags.includes("--admin") ? "admin" : "instructor";
  switch (command) {
    case "promote":
    case "demote": {
      const userId = await resolve(email);
      const changed = await setGrantedRole(prisma, OPERATOR, {
        userId,
        role,
        granted: command === "promote",
      });
      return `✔ ${email}: ${changed.roles.join(", ")}`;
    }
    case "disable":
    case "enable": {
      const userId = await resolve(email);
      const changed = await setAccountDisabled(prisma, OPERATOR, { userId, disabled: command === "disable" });
      return `✔ ${email}: ${changed.isDisabled ? "disabled, signed out everywhere" : "enabled"}`;
    }
    case "list": {
      const users = await listUsersForAdmin(prisma, OPERATOR, { limit: 200 });
      if (users.length === 0)
        return "No accounts yet. The first person to sign up becomes admin and instructor.";
      return users
        .map(
          (user) =>
            `${user.email}\t${user.name}\t${user.roles.join(",")}${user.isDisabled ? "\tdisabled" : ""}`,
        )
        .join("\n");
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : "Give a command.");
  }
}

async function main() {
  try {
    console.log(await run(process.argv.slice(2)));
    process.exitCode = 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`✖ ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (isAppError(error, "unknown-account")) {
      console.error(`✖ No account has the email ${process.argv[3] ?? ""}.`);
      process.exitCode = 1;
    } else if (error instanceof Error && /no such table/i.test(error.message)) {
      console.error(
        "✖ The database has no accounts table yet: run `npm start` or `npm run db:migrate` first.",
      );
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await prisma.$disconnect();
  }
}

void main();
