import { useTranslations } from "next-intl";
import { useId } from "react";
import type { SimEvent } from "@/lib/sim";
import { formatClock } from "./frames";
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from "./icons";
import { useSimText } from "./sim-text";
import type { Moment } from "./timeline";

const EVENT_LIST_LIMIT = 8;

/**
 * Play, Pause, Step back, Step forward and a slider over the moments. Native buttons and a
 * range input, so Tab, Space, Enter and the arrow keys work as everywhere else.
 */
export function TimelineControls({
  moments,
  position,
  isPlaying,
  events,
  stepLabel,
  onPosition,
  onPlay,
  onPause,
}: {
  moments: Moment[];
  position: number;
  isPlaying: boolean;
  events: SimEvent[];
  stepLabel: string;
  onPosition: (position: number) => void;
  onPlay: () => void;
  onPause: () => void;
}) {
  const t = useTranslations("sim.timeline");
  const simText = useSimText();
  const sliderId = useId();
  const last = moments.length - 1;
  const moment = moments[position];
  const now = t("now", {
    position: position + 1,
    count: moments.length,
    clock: formatClock(moment?.t ?? 0),
    step: stepLabel,
  });
  const first = moment?.from ?? 0;
  const shown = events.slice(0, EVENT_LIST_LIMIT).map((event, offset) => ({ event, at: first + offset }));
  return (
    <fieldset className="sim-timeline">
      <legend className="visually-hidden">{t("legend")}</legend>
      <div className="sim-timeline__buttons">
        {/* aria-disabled, not disabled: a button keeps its focus when it reaches the end. */}
        <button
          type="button"
          className="button"
          aria-disabled={position <= 0}
          onClick={() => {
            if (position > 0) onPosition(position - 1);
          }}
        >
          <StepBackIcon />
          {t("stepBack")}
        </button>
        <button
          type="button"
          className="button button--primary sim-timeline__play"
          aria-disabled={last === 0}
          onClick={() => {
            if (isPlaying) onPause();
            else if (last > 0) onPlay();
          }}
        >
          {isPlaying ? <PauseIcon /> : <PlayIcon />}
          {isPlaying ? t("pause") : t("play")}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={position >= last}
          onClick={() => {
            if (position < last) onPosition(position + 1);
          }}
        >
          <StepForwardIcon />
          {t("stepForward")}
        </button>
      </div>
      <div className="sim-timeline__slider">
        <label htmlFor={sliderId}>{t("moment")}</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={last}
          step={1}
          value={position}
          aria-valuetext={now}
          onChange={(event) => onPosition(Number(event.currentTarget.value))}
        />
      </div>
      <p className="sim-timeline__now" aria-live="polite" aria-atomic="true">
        {now}
      </p>
      {shown.length > 0 ? (
        <ol className="sim-timeline__events" aria-label={t("events")}>
          {shown.map(({ event, at }) => (
            <li key={at} data-kind={event.kind}>
              {simText(event.msg ?? event.message)}
            </li>
          ))}
          {events.length > shown.length ? (
            <li className="sim-muted">{t("moreEvents", { count: events.length - shown.length })}</li>
          ) : null}
        </ol>
      ) : null}
    </fieldset>
  );
}
