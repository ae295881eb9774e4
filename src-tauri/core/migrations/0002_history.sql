-- Keel plan format 2. The plan's history (a Loro document: a compressed snapshot and the
-- changes recorded since) is the plan's source of truth; the tables of format 1 become its
-- projection, rebuilt from it whenever their recorded version differs from the document's.
-- Item ids become text: stable, never reused (format 1's numbers are kept as text). Links to a
-- deleted milestone or team stay in the projection as they are in the document and read as
-- none. Filled from the format-1 content by the upgrade that runs after this script.
CREATE TABLE feature_v2 (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    risk_class TEXT NOT NULL CHECK (risk_class IN ('business', 'technical', 'operational')),
    risk_level INTEGER NOT NULL CHECK (risk_level BETWEEN 1 AND 5),
    quick_win INTEGER NOT NULL CHECK (quick_win IN (0, 1)),
    build_or_buy TEXT NOT NULL CHECK (build_or_buy IN ('build', 'buy', 'undecided')),
    stage TEXT NOT NULL CHECK (stage IN ('mvp', 'scaling', 'enterprise')),
    status TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'in_progress', 'done', 'dropped')),
    horizon TEXT NOT NULL CHECK (horizon IN ('now', 'next', 'later')),
    start_date TEXT,
    end_date TEXT,
    effort_weeks REAL,
    reach REAL,
    impact REAL,
    confidence REAL,
    scale_assumption REAL,
    milestone_id TEXT,
    factory_step TEXT,
    team_id TEXT
);
INSERT INTO feature_v2 SELECT CAST(id AS TEXT), position, title, description, risk_class,
    risk_level, quick_win, build_or_buy, stage, status, horizon, start_date, end_date,
    effort_weeks, reach, impact, confidence, scale_assumption, CAST(milestone_id AS TEXT),
    factory_step, CAST(team_id AS TEXT) FROM feature;
DROP TABLE feature;
ALTER TABLE feature_v2 RENAME TO feature;
CREATE INDEX feature_position ON feature(position);

CREATE TABLE milestone_v2 (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    date TEXT NOT NULL,
    target REAL NOT NULL,
    ninety_day_goals TEXT NOT NULL
);
INSERT INTO milestone_v2 SELECT CAST(id AS TEXT), name, date, target, ninety_day_goals
    FROM milestone;
DROP TABLE milestone;
ALTER TABLE milestone_v2 RENAME TO milestone;

CREATE TABLE traction_actual_v2 (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    value REAL NOT NULL
);
INSERT INTO traction_actual_v2 SELECT CAST(id AS TEXT), date, value FROM traction_actual;
DROP TABLE traction_actual;
ALTER TABLE traction_actual_v2 RENAME TO traction_actual;

CREATE TABLE factory_snapshot_v2 (
    id TEXT PRIMARY KEY,
    period_start TEXT NOT NULL,
    acquisition INTEGER NOT NULL,
    activation INTEGER NOT NULL,
    retention INTEGER NOT NULL,
    revenue INTEGER NOT NULL,
    referral INTEGER NOT NULL
);
INSERT INTO factory_snapshot_v2 SELECT CAST(id AS TEXT), period_start, acquisition, activation,
    retention, revenue, referral FROM factory_snapshot;
DROP TABLE factory_snapshot;
ALTER TABLE factory_snapshot_v2 RENAME TO factory_snapshot;

CREATE TABLE team_v2 (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('product', 'platform')),
    size INTEGER NOT NULL
);
INSERT INTO team_v2 SELECT CAST(id AS TEXT), name, kind, size FROM team;
DROP TABLE team;
ALTER TABLE team_v2 RENAME TO team;

-- Named versions: marked points of the history (they replace format 1's JSON snapshots).
CREATE TABLE version (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    author TEXT NOT NULL,
    frontiers BLOB NOT NULL
);

-- The document: one compressed snapshot, and each change since in the transaction of its edit.
CREATE TABLE history_snapshot (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    bytes BLOB NOT NULL,
    -- The snapshot's version (a Loro version vector), so that opening a plan knows the
    -- document's version without reading the document.
    version BLOB NOT NULL
);
CREATE TABLE history_change (
    seq INTEGER PRIMARY KEY,
    bytes BLOB NOT NULL
);
-- The plan's identity (fixed at creation) and the document version the tables above show.
CREATE TABLE history_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    plan_id TEXT NOT NULL,
    projected_version BLOB NOT NULL
);
