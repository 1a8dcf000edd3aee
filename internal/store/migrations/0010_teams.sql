-- Tim kerja: people of one or several units who share a result. Each
-- member links an RHK of their own SKP to the team's shared result; members
-- thank or offer help to one another.
CREATE TABLE teams (
    id          TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    year        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    goal        TEXT NOT NULL,
    lead_id     TEXT NOT NULL REFERENCES employees (id),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX teams_instansi ON teams (instansi_id, year);

CREATE TABLE team_members (
    team_id     TEXT NOT NULL REFERENCES teams (id),
    employee_id TEXT NOT NULL REFERENCES employees (id),
    rhk_id      TEXT REFERENCES rhk (id),
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (team_id, employee_id)
);
CREATE INDEX team_members_employee ON team_members (employee_id);

CREATE TABLE team_kudos (
    id          TEXT PRIMARY KEY,
    team_id     TEXT NOT NULL REFERENCES teams (id),
    from_id     TEXT NOT NULL REFERENCES employees (id),
    to_id       TEXT NOT NULL REFERENCES employees (id),
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX team_kudos_team ON team_kudos (team_id, id);
