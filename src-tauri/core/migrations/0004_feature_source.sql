-- Keel plan format 4. Where an imported feature came from: the tool and its issue's id
-- ("linear:ENG-12"), so that importing the same export again updates the feature instead of
-- adding it twice. Not unique: two founders importing the same issue at the same time each add
-- it, and the merge keeps both for them to see.
ALTER TABLE feature ADD COLUMN source TEXT;
CREATE INDEX feature_source ON feature (source);
