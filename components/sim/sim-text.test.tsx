import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locale";
import { m, type Text } from "@/lib/sim/text";
import { useSimText } from "./sim-text";

// The engine's words in the page's language, with Korean particles chosen by the id before them.

function Said({ text }: { text: Text }) {
  return <p>{useSimText()(text)}</p>;
}

const say = (locale: Locale, text: Text) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={CATALOGS[locale]} timeZone="UTC">
      <Said text={text} />
    </NextIntlClientProvider>,
  );

describe("useSimText", () => {
  it("picks each Korean particle by how the id before it is read", () => {
    expect(say("ko", m("engine.app.pulls", { rId: "t-2", image: "public.ecr.aws/nginx:latest" }))).toBe(
      "<p>t-2가 public.ecr.aws/nginx:latest를 풀합니다</p>",
    );
    expect(say("ko", m("engine.launch.placedOn", { taskId: "t-1", instId: "i-3", az: "a" }))).toBe(
      "<p>t-1을 i-3(a)에 배치했습니다</p>",
    );
  });

  it("leaves English as the catalog has it", () => {
    expect(say("en", m("engine.instances.instanceIsDraining", { id: "i-1" }))).toBe(
      "<p>Instance i-1 is draining</p>",
    );
  });
});
