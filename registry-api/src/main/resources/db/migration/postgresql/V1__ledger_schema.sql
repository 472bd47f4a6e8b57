-- The ledger's schema on PostgreSQL, as the registry created it at every start before it had
-- migrations: Axon's event, snapshot and token tables (the DDL of Axon 4.12's
-- PostgresEventTableFactory and PostgresTokenTableFactory), the leaf log and the signed checkpoints,
-- and ShedLock's job locks. IF NOT EXISTS: a database that already has a table keeps it as it is.
-- Never edit this file once released: a change is a new migration (V2__...).

CREATE TABLE IF NOT EXISTS DomainEventEntry (
  globalIndex BIGSERIAL NOT NULL,
  aggregateIdentifier VARCHAR(255) NOT NULL,
  sequenceNumber BIGINT NOT NULL,
  type VARCHAR(255),
  eventIdentifier VARCHAR(255) NOT NULL,
  metaData BYTEA,
  payload BYTEA NOT NULL,
  payloadRevision VARCHAR(255),
  payloadType VARCHAR(255) NOT NULL,
  timeStamp VARCHAR(255) NOT NULL,
  PRIMARY KEY (globalIndex),
  UNIQUE (aggregateIdentifier, sequenceNumber),
  UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
  aggregateIdentifier VARCHAR(255) NOT NULL,
  sequenceNumber BIGINT NOT NULL,
  type VARCHAR(255) NOT NULL,
  eventIdentifier VARCHAR(255) NOT NULL,
  metaData BYTEA,
  payload BYTEA NOT NULL,
  payloadRevision VARCHAR(255),
  payloadType VARCHAR(255) NOT NULL,
  timeStamp VARCHAR(255) NOT NULL,
  PRIMARY KEY (aggregateIdentifier, sequenceNumber),
  UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS TokenEntry (
  processorName VARCHAR(255) NOT NULL,
  segment INTEGER NOT NULL,
  token BYTEA NULL,
  tokenType VARCHAR(255) NULL,
  timestamp VARCHAR(255) NULL,
  owner VARCHAR(255) NULL,
  PRIMARY KEY (processorName, segment)
);

-- Leaf i of every checkpoint's Merkle tree is row i: the order in which checkpoints took events in.
CREATE TABLE IF NOT EXISTS ledger_leaf (
  leaf_index BIGINT NOT NULL PRIMARY KEY,
  global_index BIGINT NOT NULL UNIQUE,
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number BIGINT NOT NULL,
  event_hash VARCHAR(64) NOT NULL
);

CREATE TABLE IF NOT EXISTS ledger_checkpoint (
  checkpoint_number BIGINT NOT NULL PRIMARY KEY,
  tree_size BIGINT NOT NULL,
  root VARCHAR(64) NOT NULL,
  recorded_at VARCHAR(40) NOT NULL,
  signature VARCHAR(128) NOT NULL,
  public_key VARCHAR(256) NOT NULL
);

-- One row per scheduled job: the instance that runs it now, and until when.
CREATE TABLE IF NOT EXISTS shedlock (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP NOT NULL,
  locked_at TIMESTAMP NOT NULL,
  locked_by VARCHAR(255) NOT NULL
);
