-- Core tables: articles as read, sentences and statements as analysed.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,                 -- content hash of title + text
    url TEXT,
    title TEXT,
    outlet TEXT,
    byline TEXT,
    language TEXT,
    published TEXT,                      -- ISO date or datetime
    published_source TEXT,               -- html-metadata | feed | jsonl | date-prefix | date-line | updated
    text TEXT NOT NULL,
    origin TEXT NOT NULL,                -- file, URL, stdin or archive!member it came from
    format TEXT NOT NULL,
    source_id TEXT,
    revision_of TEXT REFERENCES articles(id),  -- earlier version of the same URL
    ingested_at TEXT NOT NULL,
    analysis_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    language TEXT,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    speaker TEXT,
    speaker_name TEXT,
    role TEXT,
    affiliation TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0,
    cue TEXT,
    kind TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('assert', 'deny', 'hedge')),
    content TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    parent_idx INTEGER,                  -- idx of the statement that reports this one
    language TEXT,
    date TEXT,                           -- when the statement was made (linking)
    date_source TEXT,                    -- text | published
    entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,   -- canonical speaker (linking)
    claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,   -- claim it belongs to (linking)
    UNIQUE (article_id, idx)
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_entity ON statements(entity_id);
CREATE INDEX statements_claim ON statements(claim_id);

-- Linking: entities, stories, copies, claims (filled incrementally after each ingest).
CREATE TABLE entities (
    id TEXT PRIMARY KEY,                 -- e.g. dmitry_peskov, country:RU
    name TEXT NOT NULL,                  -- display name
    kind TEXT NOT NULL,                  -- person | organisation | country | anonymous
    country TEXT,                        -- ISO code the actor speaks for (roll-up)
    data TEXT                            -- JSON: aliases, name keys, roles seen
);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    label TEXT,
    first_published TEXT,
    last_published TEXT,
    data TEXT                            -- JSON: centroid bookkeeping, top entities
);

CREATE TABLE article_stories (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    score REAL
);
CREATE INDEX article_stories_story ON article_stories(story_id);

-- Copies and translations of one report: one group, one original.
CREATE TABLE copy_groups (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL,
    original_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    relation TEXT NOT NULL,              -- original | copy | translation
    score REAL
);
CREATE INDEX copy_groups_group ON copy_groups(group_id);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    label TEXT,
    label_language TEXT,
    first_seen TEXT,
    last_seen TEXT,
    data TEXT                            -- JSON: centroid bookkeeping
);

CREATE TABLE claim_labels (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    label TEXT NOT NULL,
    statement_id INTEGER REFERENCES statements(id) ON DELETE SET NULL,
    PRIMARY KEY (claim_id, language)
);

-- Embedding cache so linking stays incremental (model name in the key).
CREATE TABLE vectors (
    kind TEXT NOT NULL,                  -- article | statement
    key TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,                -- float32 little-endian
    PRIMARY KEY (kind, key, model)
) WITHOUT ROWID;

CREATE TABLE link_state (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE ingest_log (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,
    read INTEGER DEFAULT 0,
    new INTEGER DEFAULT 0,
    duplicates INTEGER DEFAULT 0,
    revisions INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0
);

CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    ingest_id INTEGER REFERENCES ingest_log(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL
);

-- Latest version of each article (revisions of a URL hide their predecessors).
CREATE VIEW latest_articles AS
SELECT a.* FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.revision_of = a.id);

CREATE VIEW statements_with_article AS
SELECT s.*, a.url AS article_url, a.title AS article_title, a.outlet AS outlet,
       a.published AS published, a.language AS article_language,
       e.name AS entity_name, e.kind AS entity_kind, e.country AS entity_country,
       st.story_id AS story_id, c.label AS claim_label
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN entities e ON e.id = s.entity_id
LEFT JOIN article_stories st ON st.article_id = s.article_id
LEFT JOIN claims c ON c.id = s.claim_id;

-- Each actor's dated stances on each claim: the timeline behind the matrix.
CREATE VIEW positions AS
SELECT s.entity_id, e.name AS entity_name, e.country AS entity_country, s.claim_id,
       c.label AS claim_label, s.date, s.date_source, s.stance, s.id AS statement_id,
       s.article_id, a.url AS article_url, a.outlet, a.language
FROM statements s
JOIN entities e ON e.id = s.entity_id
JOIN claims c ON c.id = s.claim_id
JOIN articles a ON a.id = s.article_id;

-- Full-text search in every script: the trigram tokenizer matches inside words,
-- which Chinese, Japanese and Korean need (no spaces between words).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
