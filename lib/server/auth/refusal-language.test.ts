import { describe, expect, it } from "vitest";
import { nameProblem } from "@/lib/name-policy";
import { signUpSchema } from "@/lib/server/actions/account-schemas";
import { runInLocale } from "@/lib/server/i18n/server-text";
import { TOO_DEEP_MESSAGE, TOO_MUCH_TEXT_MESSAGE } from "@/lib/server/request-limits";
import { failure, invalidInput, STORAGE_UNAVAILABLE_MESSAGE, storageUnavailable } from "./action-result";
import { newPasswordProblem } from "./password-policy";
import { inRequestLanguage } from "./refusal-language";

// Refusals written in English by language-free code reach a Korean learner in Korean; an English
// request sees exactly the English it always did.

const hangul = /[\uac00-\ud7a3]/;

describe("refusals in the request's language", () => {
  it("leaves English requests and unknown text alone", () => {
    expect(inRequestLanguage("Check the highlighted fields.")).toBe("Check the highlighted fields.");
    expect(storageUnavailable().formError).toBe(STORAGE_UNAVAILABLE_MESSAGE);
    runInLocale("ko", () =>
      expect(inRequestLanguage("Something no catalog has.")).toBe("Something no catalog has."),
    );
  });

  it("translates the shared refusals, field messages and their known labels", () => {
    runInLocale("ko", () => {
      expect(storageUnavailable().formError).toMatch(/저장되지 않았습니다/);
      expect(failure(TOO_DEEP_MESSAGE).formError).toBe(
        "요청이 32단계보다 깊이 중첩되어 있습니다. Taskdeck의 어떤 양식도 이렇게 보내지 않습니다.",
      );
      expect(failure(TOO_MUCH_TEXT_MESSAGE).formError).toMatch(hangul);
      const parsed = signUpSchema.safeParse({ name: "Ada\u202Egnp", email: "", password: "password1" });
      if (parsed.success) throw new Error("expected a refusal");
      const refused = invalidInput(parsed.error);
      expect(refused.formError).toBe("표시된 입력란을 확인하세요.");
      expect(refused.fieldErrors?.email).toEqual(["이메일 주소를 입력하세요."]);
      expect(refused.fieldErrors?.name?.[0]).toMatch(/^이름에는 텍스트 순서를/);
      expect(refused.fieldErrors?.password?.[0]).toMatch(/^아주 흔해서/);
    });
  });

  it("knows every message the name and password policies give", () => {
    const messages = [
      nameProblem("a\u202Eb", "Your name"),
      nameProblem("a\tb"),
      newPasswordProblem("short"),
      newPasswordProblem("x".repeat(200)),
      newPasswordProblem("         "),
      newPasswordProblem("password1"),
      newPasswordProblem("ada.lovelace@example.com", { email: "ada.lovelace@example.com" }),
      newPasswordProblem("Ada Lovelace Byron", { name: "ada lovelace byron" }),
    ];
    runInLocale("ko", () => {
      for (const message of messages) {
        expect(message).not.toBeNull();
        expect(inRequestLanguage(message as string), message as string).toMatch(hangul);
      }
    });
  });
});
