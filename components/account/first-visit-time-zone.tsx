import { unstable_rethrow } from "next/navigation";
import { getActingUser } from "@/lib/server/auth/session";
import { BrowserTimeZone } from "./browser-time-zone";

/**
 * For a signed-in person, the leaf that saves their browser's time zone on their first visit
 * (see BrowserTimeZone). The session is the one the header already read for this request; a
 * broken database renders nothing rather than an error.
 */
export async function FirstVisitTimeZone() {
  try {
    const user = await getActingUser();
    return user ? <BrowserTimeZone userId={user.id} /> : null;
  } catch (error) {
    unstable_rethrow(error);
    return null;
  }
}
