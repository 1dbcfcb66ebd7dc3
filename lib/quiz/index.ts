/**
 * Quiz rules (pure): deadlines, draws with a seeded random source, grading and scaled scores.
 * @example import { attemptDeadline, drawAttempt, gradeItems } from "@/lib/quiz";
 */
export * from "./deadline";
export * from "./draw";
export * from "./option-ids";
export * from "./random";
export * from "./scoring";
