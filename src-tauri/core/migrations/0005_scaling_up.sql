-- Keel plan format 5. Scaling up: a team runs as a mini start-up, with a mission, a KPI of its
-- own and its funding and planned headcount quarter by quarter (the KPI and the quarters as
-- JSON: they are read and written whole with their team); a feature can be part of its stage's
-- platform rewrite; the plan says when it moves to the Scaling and Enterprise stages.
ALTER TABLE team ADD COLUMN mission TEXT NOT NULL DEFAULT '';
ALTER TABLE team ADD COLUMN kpi TEXT;
ALTER TABLE team ADD COLUMN quarters TEXT NOT NULL DEFAULT '[]';
ALTER TABLE feature ADD COLUMN replatform INTEGER NOT NULL DEFAULT 0 CHECK (replatform IN (0, 1));
ALTER TABLE plan ADD COLUMN scaling_from TEXT;
ALTER TABLE plan ADD COLUMN enterprise_from TEXT;
