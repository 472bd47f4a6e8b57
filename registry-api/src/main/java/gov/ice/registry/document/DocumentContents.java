package gov.ice.registry.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The bytes of attached documents, by SHA-256, as the ledger's database keeps them. Empty when no
 * bytes are stored under the hash (never stored, or withdrawn). The caller closes the stream; it
 * reads from the database as it goes, so open it off the event loop.
 */
public interface DocumentContents {

  Optional<InputStream> open(String sha256) throws IOException;
}
