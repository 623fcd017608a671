-- Spoc schema v7: the UI language a user chose in the language menu ("de", "fr", "ja", "ar", "en");
-- '' = follow the browser. The client shows it on every device the user signs in on.

ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT '';
