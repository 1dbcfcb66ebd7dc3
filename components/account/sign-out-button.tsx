import { getTranslations } from "next-intl/server";
import { signOut } from "@/lib/server/actions/account";

/** A one-button form: works without JavaScript, and ends the session on the server. */
export async function SignOutButton({ className = "button" }: { className?: string }) {
  const t = await getTranslations("nav");
  return (
    <form action={signOut} className="sign-out-form">
      <button type="submit" className={className}>
        {t("signOut")}
      </button>
    </form>
  );
}
