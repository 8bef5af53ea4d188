-- An answer may be 4000 characters (AnswerRules); its timeline entry adds a sentence to it (the
-- paused clock's working days left, a roadmap's dates, the session's closing day). Room for both.
ALTER TABLE ts_issue_event ALTER COLUMN text SET DATA TYPE VARCHAR(5000);
