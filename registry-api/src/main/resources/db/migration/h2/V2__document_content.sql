-- The bytes of attached documents, kept by SHA-256 in the ledger's own database (issue 16): the
-- events name a document by its hash, so the content lives where the ledger does, is backed up with
-- it, and is never in the read store. One row per distinct content, in chunks of at most 1 MiB so
-- that neither writing nor reading needs a whole file in memory or one long-held connection.
-- stored_at moves forward whenever an upload finds the bytes already there, so the orphan sweep
-- (content no event names, older than the grace period) never removes bytes an upload just relied on.
CREATE TABLE IF NOT EXISTS document_content (
  sha256 CHAR(64) NOT NULL PRIMARY KEY,
  size_bytes BIGINT NOT NULL,
  chunks INTEGER NOT NULL,
  stored_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS document_chunk (
  sha256 CHAR(64) NOT NULL,
  chunk_index INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (sha256, chunk_index)
);
