-- Append-only, hash-chained logs kept apart from the agreements' ledger (the sharing gate's
-- decisions, the reads of agreements), one set of tables for all of them, keyed by the log's name.
-- Entry n of a log links to entry n-1 by its hash; leaf n of the log's Merkle tree is entry n's
-- hash. IF NOT EXISTS: a database whose history was reset keeps its tables (as V1). Never edit this
-- file once released: a change is a new migration.

CREATE TABLE IF NOT EXISTS chained_log_entry (
  log_name VARCHAR(64) NOT NULL,
  sequence_number BIGINT NOT NULL,
  entry_id VARCHAR(64) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  actor VARCHAR(255),
  subject VARCHAR(255),
  kind VARCHAR(64),
  outcome VARCHAR(64),
  body CLOB NOT NULL,
  previous_hash VARCHAR(64) NOT NULL,
  entry_hash VARCHAR(64) NOT NULL,
  PRIMARY KEY (log_name, sequence_number),
  UNIQUE (log_name, entry_id)
);

CREATE INDEX IF NOT EXISTS chained_log_entry_actor ON chained_log_entry (log_name, actor, sequence_number);
CREATE INDEX IF NOT EXISTS chained_log_entry_subject ON chained_log_entry (log_name, subject, sequence_number);
CREATE INDEX IF NOT EXISTS chained_log_entry_at ON chained_log_entry (log_name, recorded_at);

-- The head each append moves with a conditional update: two instances never write the same
-- sequence, and entries removed from the end are named by verification (the head remembers them).
CREATE TABLE IF NOT EXISTS chained_log_head (
  log_name VARCHAR(64) NOT NULL PRIMARY KEY,
  log_size BIGINT NOT NULL,
  head_hash VARCHAR(64) NOT NULL
);

CREATE TABLE IF NOT EXISTS chained_log_checkpoint (
  log_name VARCHAR(64) NOT NULL,
  checkpoint_number BIGINT NOT NULL,
  tree_size BIGINT NOT NULL,
  root VARCHAR(64) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  signature VARCHAR(128) NOT NULL,
  public_key VARCHAR(256) NOT NULL,
  PRIMARY KEY (log_name, checkpoint_number)
);
