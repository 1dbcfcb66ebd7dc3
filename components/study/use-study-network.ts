import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type Dispatch, useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { postJson } from "@/components/ui/post-json";
import { buryAction, loadMoreAction, suspendAction, undoAction } from "@/lib/server/actions/study";
import type { Grading, StudyAction, StudyState } from "@/lib/study/session-state";
import { heldKeys, needsMore } from "@/lib/study/session-view";
import type { GradeRequest, GradeResponse, StudyFilter, StudyMode } from "@/lib/study/views";

/**
 * The study session's traffic with the server, reported to the reducer as actions: grades saved in
 * the background (a JSON route, the hottest write: see lib/server/auth/json-route.ts), undo once
 * its grade is saved, suspend and bury, and the next cards fetched before they are needed.
 */
export function useStudyNetwork(
  state: StudyState,
  dispatch: Dispatch<StudyAction>,
  filter: StudyFilter,
  mode: StudyMode,
) {
  const t = useTranslations("study.network");
  const saves = useRef(new Map<string, Promise<void>>());
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });

  // A grade is shown as done before the server has it. Leaving the page meanwhile must neither
  // lose it nor show a stale page: the request outlives the page (keepalive, below), and a page
  // reached inside the app (Progress, Today) is drawn again once the last grade is saved, so its
  // counts include it. That page may have been drawn on the server while a grade was on its way
  // even when every grade has arrived by the time this one goes, so any session that graded asks.
  const router = useRouter();
  useEffect(() => {
    const sent = saves.current;
    return () => {
      if (sent.size > 0) void Promise.allSettled([...sent.values()]).then(() => router.refresh());
    };
  }, [router]);

  // Prefetch: keep a few cards ready so the next one appears without a round trip. After a failed
  // fetch, try again only once the learner has moved on (no loop against a server that is down).
  const wantsMore = needsMore(state);
  const failedAt = useRef<number | null>(null);
  const progress = state.gradings.length;
  useEffect(() => {
    if (!wantsMore || failedAt.current === progress) return;
    dispatch({ type: "loadStart" });
    void loadMoreAction({ filter, mode, exclude: heldKeys(latest.current) }).then(
      (result) => {
        if (!result.ok) {
          failedAt.current = progress;
          dispatch({ type: "loadFailed" });
          return;
        }
        failedAt.current = null;
        const { items, nextDueAt } = result.view;
        dispatch({ type: "loaded", items, nextDueAt, now: Date.now() });
      },
      () => {
        failedAt.current = progress;
        dispatch({ type: "loadFailed" });
      },
    );
  }, [wantsMore, progress, filter, mode, dispatch]);

  // Cards in a learning step come back once their step has passed.
  const isWaiting = state.returning.length > 0;
  useEffect(() => {
    if (!isWaiting) return;
    const timer = setInterval(() => dispatch({ type: "tick", now: Date.now() }), 1000);
    return () => clearInterval(timer);
  }, [isWaiting, dispatch]);

  const save = useCallback(
    (request: GradeRequest) => {
      const { reviewId } = request;
      const saving = postJson<{ result: GradeResponse }>("/api/study/grade", request, {
        idempotent: true,
        keepalive: true,
      }).then(
        (result) => {
          if (!result.ok) {
            dispatch({
              type: "saveFailed",
              reviewId,
              message: result.formError ?? t("gradeNotSaved"),
            });
            return;
          }
          const { due, phase } = result.result;
          dispatch({ type: "saved", reviewId, due: Date.parse(due), phase, now: Date.now() });
        },
        // The server could not take the write (offline, full disk): say so rather than fail silently.
        () => dispatch({ type: "saveFailed", reviewId, message: t("saveFailed") }),
      );
      saves.current.set(reviewId, saving);
    },
    [dispatch, t],
  );

  const undo = useCallback(
    async (grading: Grading) => {
      dispatch({ type: "undoStart" });
      if (grading.reviewId) {
        await saves.current.get(grading.reviewId);
        const result = await undoAction({ undoId: crypto.randomUUID(), reviewId: grading.reviewId }).catch(
          () => ({
            ok: false as const,
            formError: t("undoUnreachable"),
          }),
        );
        if (!result.ok) {
          dispatch({ type: "undoFailed", message: result.formError ?? t("undoFailed") });
          return;
        }
      }
      dispatch({ type: "undone", now: Date.now() });
    },
    [dispatch, t],
  );

  const remove = useCallback(
    async (how: "suspend" | "bury") => {
      const item = latest.current.queue[0];
      if (!item) return;
      const result = await (how === "suspend" ? suspendAction : buryAction)({ ref: item.ref });
      if (!result.ok) dispatch({ type: "failed", message: result.formError ?? t("failed") });
      else dispatch({ type: "removed", key: item.key, how, now: Date.now() });
    },
    [dispatch, t],
  );

  return { save, undo, remove };
}
