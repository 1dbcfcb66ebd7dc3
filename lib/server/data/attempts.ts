// Attempts, split by verb: start (attempt-start.ts: one open per learner per quiz), autosave
// (attempt-save.ts), submit and finish at the deadline (attempt-finish.ts), and the views the pages
// get (attempt-views.ts). Grading reads only what was saved. Import from here.

export { finishAttempt, finishOverdue, submitAttempt } from "./attempt-finish";
export { saveAnswer } from "./attempt-save";
export { startAttempt } from "./attempt-start";
export { getResultView, getRunnerView, listMyAttempts, mayCheck } from "./attempt-views";
