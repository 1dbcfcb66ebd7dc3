import { z } from "zod";
import { readableName } from "@/lib/name-policy";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "@/lib/server/auth/create-auth";
import { newPasswordProblem } from "@/lib/server/auth/password-policy";

// The account forms' inputs, checked at the trust boundary before anything else happens.

/** Longest password accepted on sign-in (well above the 128-character policy, below hashing abuse). */
const PASSWORD_INPUT_MAX = 512;

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX_LENGTH, `Use at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email("Enter an email address like name@example.com."));

const anyPassword = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, missing)
    .max(PASSWORD_INPUT_MAX, `Use at most ${PASSWORD_INPUT_MAX} characters.`);

const next = z.string().max(2048).optional();

export const signUpSchema = z
  .object({
    name: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`)
      .superRefine(readableName("Your name")),
    email,
    password: anyPassword("Choose a password."),
    next,
  })
  .superRefine((value, ctx) => {
    const problem = newPasswordProblem(value.password, { email: value.email, name: value.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const signInSchema = z.object({ email, password: anyPassword("Enter your password."), next });

export const changePasswordSchema = z
  .object({
    currentPassword: anyPassword("Enter your current password."),
    newPassword: anyPassword("Choose a new password."),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["newPassword"],
        message: "Choose a password different from your current one.",
      });
    }
  });

export const deleteAccountSchema = z.object({
  confirmEmail: z
    .string({ error: "Type your email address to confirm." })
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX_LENGTH),
});
