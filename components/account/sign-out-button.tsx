import { signOut } from "@/lib/server/actions/account";

/** A one-button form: works without JavaScript, and ends the session on the server. */
export function SignOutButton({ className = "button" }: { className?: string }) {
  return (
    <form action={signOut} className="sign-out-form">
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
