-- Keel plan format 1.
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    company_name TEXT NOT NULL,
    tagline TEXT NOT NULL,
    vision TEXT NOT NULL,
    strategy TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('mvp', 'scaling', 'enterprise')),
    currency TEXT NOT NULL,
    start_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE lean_canvas (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    problem TEXT NOT NULL,
    customer_segments TEXT NOT NULL,
    unique_value_proposition TEXT NOT NULL,
    solution TEXT NOT NULL,
    channels TEXT NOT NULL,
    revenue_streams TEXT NOT NULL,
    cost_structure TEXT NOT NULL,
    key_metrics TEXT NOT NULL,
    unfair_advantage TEXT NOT NULL
);

CREATE TABLE traction_goal (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    metric TEXT NOT NULL CHECK (metric IN ('arr', 'mrr', 'active_customers', 'custom')),
    custom_unit TEXT,
    msc_target REAL NOT NULL CHECK (msc_target > 0),
    deadline TEXT NOT NULL,
    revenue_per_customer_month REAL CHECK (revenue_per_customer_month > 0),
    lifetime_months REAL NOT NULL CHECK (lifetime_months > 0),
    acquisition_rate REAL CHECK (acquisition_rate BETWEEN 0 AND 1),
    activation_rate REAL CHECK (activation_rate BETWEEN 0 AND 1),
    referral_rate REAL CHECK (referral_rate BETWEEN 0 AND 1)
);

CREATE TABLE milestone (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    date TEXT NOT NULL,
    target REAL NOT NULL CHECK (target > 0),
    ninety_day_goals TEXT NOT NULL
);

CREATE TABLE traction_actual (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE,
    value REAL NOT NULL CHECK (value >= 0)
);

CREATE TABLE factory_snapshot (
    id INTEGER PRIMARY KEY,
    period_start TEXT NOT NULL UNIQUE,
    acquisition INTEGER NOT NULL CHECK (acquisition >= 0),
    activation INTEGER NOT NULL CHECK (activation >= 0),
    retention INTEGER NOT NULL CHECK (retention >= 0),
    revenue INTEGER NOT NULL CHECK (revenue >= 0),
    referral INTEGER NOT NULL CHECK (referral >= 0)
);

CREATE TABLE team (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('product', 'platform')),
    size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 100)
);

CREATE TABLE feature (
    id INTEGER PRIMARY KEY,
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
    effort_weeks REAL CHECK (effort_weeks > 0),
    reach REAL CHECK (reach >= 0),
    impact REAL CHECK (impact BETWEEN 0.25 AND 3),
    confidence REAL CHECK (confidence BETWEEN 0 AND 1),
    scale_assumption REAL CHECK (scale_assumption > 0),
    milestone_id INTEGER REFERENCES milestone(id) ON DELETE SET NULL,
    factory_step TEXT CHECK (factory_step IN ('acquisition', 'activation', 'retention', 'revenue', 'referral')),
    team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX feature_position ON feature(position);
CREATE INDEX feature_milestone ON feature(milestone_id);
CREATE INDEX feature_team ON feature(team_id);

CREATE TABLE snapshot (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    plan_json TEXT NOT NULL
);
