import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locale";
import { parseScenario, type SimError } from "@/lib/sim";
import { startFromParam } from "./sandbox/load-scenario";
import { useSimErrorText, useSimText } from "./sim-text";

// A scenario's errors as the sandbox shows them: the parser's English on an English page (the CLI's
// words, byte for byte), Korean from the `sim` catalog on a Korean one, hints included.

function Errors({ errors }: { errors: SimError[] }) {
  const say = useSimErrorText();
  return (
    <>
      {errors.map((e) => {
        const { message, hint } = say(e);
        return <p key={`${e.line}:${e.column}`}>{hint ? `${message} (${hint})` : message}</p>;
      })}
    </>
  );
}

function Said({ text }: { text: Parameters<ReturnType<typeof useSimText>>[0] }) {
  return <p>{useSimText()(text)}</p>;
}

const render = (locale: Locale, node: React.ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={CATALOGS[locale]} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  ).replace(/&quot;/g, '"');

const errorsOf = (yaml: string): SimError[] => {
  const parsed = parseScenario(yaml);
  if (parsed.ok) throw new Error("the scenario was valid");
  return parsed.errors;
};

describe("scenario errors in the reader's language", () => {
  it("says a reference error and its hint in Korean, with particles chosen by the names", () => {
    const errors = errorsOf(
      "taskDefinition: { family: api, cpu: 256, memory: 512 }\nservice: { taskDefinition: apj }\n",
    );
    expect(render("ko", <Errors errors={errors} />)).toBe(
      '<p>태스크 정의 "apj"가 정의되어 있지 않습니다 ("api"를 쓰려고 하셨나요?)</p>',
    );
    expect(render("en", <Errors errors={errors} />)).toBe(
      '<p>Task definition "apj" is not defined (did you mean "api"?)</p>',
    );
  });

  it("frames zod's checks in Korean and keeps the English page's words as the parser gave them", () => {
    const errors = errorsOf("service: { desiredCount: two }\ntaskDefinition: { cpu: 256, memory: 512 }\n");
    expect(render("ko", <Errors errors={errors} />)).toBe(
      "<p>service.desiredCount: 숫자 형식이어야 합니다</p>",
    );
    expect(render("en", <Errors errors={errors} />)).toBe(
      "<p>service.desiredCount: expected number, received string</p>",
    );
    const small = errorsOf("service: { desiredCount: -1 }\ntaskDefinition: { cpu: 256, memory: 512 }\n");
    expect(render("ko", <Errors errors={small} />)).toBe("<p>service.desiredCount: 0 이상이어야 합니다</p>");
  });

  it("says an unknown key, an empty scenario and a broken link in Korean", () => {
    expect(render("ko", <Errors errors={errorsOf("servce: {}\n")} />)).toBe(
      '<p>알 수 없는 키: "servce" ("service"를 쓰려고 하셨나요?)</p>',
    );
    expect(render("ko", <Errors errors={errorsOf("")} />)).toBe("<p>시나리오가 비어 있습니다</p>");
    const start = startFromParam("%%% not a scenario");
    if (!start.error) throw new Error("the link was accepted");
    expect(render("ko", <Said text={start.error.message} />)).toBe(
      "<p>링크의 시나리오가 올바른 base64url 텍스트가 아닙니다. 기본 시나리오를 표시합니다.</p>",
    );
    expect(render("en", <Said text={start.error.message} />)).toBe(
      "<p>The link&#x27;s scenario is not valid base64url text. The default scenario is shown.</p>",
    );
  });
});
