// The filter block both builders share: the instructor's quiz builder (topics, tag, difficulty,
// kinds) and the learner's exam builder (topics only). Plain form fields, read by the actions.

import { useTranslations } from "next-intl";

export type TopicChoice = { value: string; label: string; count?: number };
export type QuestionFilterValues = {
  topics: string[];
  tags: string[];
  difficulties: number[];
  kinds: string[];
};

/** Question kinds a quiz can ask, as the builder names them (cards are studied, not graded). */
export const KIND_LABELS = [
  { value: "single", label: "Single choice" },
  { value: "multiple", label: "Multiple choice" },
  { value: "true-false", label: "True or false" },
  { value: "typed", label: "Typed answer" },
  { value: "ordering", label: "Put in order" },
] as const;

const NONE: QuestionFilterValues = { topics: [], tags: [], difficulties: [], kinds: [] };

/**
 * Topic checkboxes (with question counts when known) and, when `tags` is given, a tag, the
 * difficulties and the kinds. Fields: topic, tag, difficulty, kind.
 */
export function QuestionFilters({
  legend,
  topics,
  tags,
  selected = NONE,
  disabled = false,
  errors,
}: {
  legend: string;
  topics: TopicChoice[];
  tags?: string[];
  selected?: QuestionFilterValues;
  disabled?: boolean;
  errors?: string[];
}) {
  const t = useTranslations("quiz.filters");
  return (
    <fieldset disabled={disabled} aria-describedby={errors?.length ? "question-filters-error" : undefined}>
      <legend>{legend}</legend>
      {topics.map((t) => (
        <label key={t.value} className="check">
          <input
            type="checkbox"
            name="topic"
            value={t.value}
            defaultChecked={selected.topics.includes(t.value)}
          />{" "}
          {t.label}
          {t.count !== undefined ? <span className="muted"> ({t.count})</span> : null}
        </label>
      ))}
      {tags ? (
        <>
          <div className="form-field">
            <label htmlFor="quiz-tag">{t("tag")}</label>
            <select id="quiz-tag" name="tag" className="input" defaultValue={selected.tags[0] ?? ""}>
              <option value="">{t("anyTag")}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </div>
          <div>
            {t("difficulty")}{" "}
            {[1, 2, 3, 4, 5].map((d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  name="difficulty"
                  value={d}
                  defaultChecked={selected.difficulties.includes(d)}
                />{" "}
                {d}
              </label>
            ))}
          </div>
          <div>
            {t("kinds")}{" "}
            {KIND_LABELS.map((k) => (
              <label key={k.value} className="check">
                <input
                  type="checkbox"
                  name="kind"
                  value={k.value}
                  defaultChecked={selected.kinds.includes(k.value)}
                />{" "}
                {/* i18n-keys: quiz.filters.kind.* */}
                {t(`kind.${k.value}`)}
              </label>
            ))}
          </div>
        </>
      ) : null}
      {errors?.length ? (
        <p id="question-filters-error" className="form-field__error">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
