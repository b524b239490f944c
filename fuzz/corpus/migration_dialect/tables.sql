-- Migration 3: governance (issue 6): inspections, their judgements and recommendations, and
-- the improvement plan. Tables written from the record kinds by `journey schema`.
CREATE TABLE inspection (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  framework TEXT,
  council TEXT,
  start_date DATE,
  end_date DATE,
  published_date DATE,
  title TEXT,
  body TEXT,
  source TEXT,
  summary TEXT
);
CREATE UNIQUE INDEX inspection_id_version ON inspection(id, version);
CREATE TABLE judgement (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  inspection_id BIGINT,
  area TEXT,
  grade TEXT,
  note TEXT
);
CREATE UNIQUE INDEX judgement_id_version ON judgement(id, version);
CREATE TABLE recommendation (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
