-- A question's translations (issue 20 item 2): the Korean text checked by the bank checker, stored
-- beside the English question as JSON by language. Not part of the content hash or the revision,
-- so a new or edited translation keeps every learner's progress. A plain ADD COLUMN (SQLite allows
-- it with a constant default), so the table and its triggers are not rebuilt.
ALTER TABLE "Question" ADD COLUMN "translations" TEXT NOT NULL DEFAULT '{}';
