package gov.ice.registry.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.chain.CheckpointSigner;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.KeyPair;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's integrity services over one event store database: verification, checkpoints,
 * evidence export and erasure. Assembled here, without Spring, so the tests drive the same
 * objects the application runs.
 */
public final class LedgerIntegrity {

  private final LedgerVerifier verifier;
  private final Checkpoints checkpoints;
  private final EvidenceExport evidence;
  private final PersonalDataEraser eraser;
  private final CheckpointSigner signer;

  private LedgerIntegrity(LedgerVerifier verifier, Checkpoints checkpoints, EvidenceExport evidence, PersonalDataEraser eraser,
      CheckpointSigner signer) {
    this.signer = signer;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
    this.evidence = evidence;
    this.eraser = eraser;
  }

  /** Wires the services over a database that the ledger's migrations ({@code db/migration}) have set up. */
  public static LedgerIntegrity over(DataSource dataSource, EventSchema schema, PlatformTransactionManager transactionManager,
      KeyPair signingKey, Clock clock, MeterRegistry meters) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ObjectMapper json = new ObjectMapper();
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    EventTable events = new EventTable(jdbc, json, schema);
    CheckpointStore store = new CheckpointStore(jdbc, schema);
    CheckpointSigner signer = new CheckpointSigner(signingKey);
    LedgerVerifier verifier = new LedgerVerifier(events, store, jdbc, json, signer.publicKey(), meters, clock);
    Checkpoints checkpoints = new Checkpoints(store, verifier, signer, clock, transactions, json);
    return new LedgerIntegrity(verifier, checkpoints, new EvidenceExport(events, checkpoints), new PersonalDataEraser(events, transactions),
        signer);
  }

  public LedgerVerifier verifier() {
    return verifier;
  }

  public Checkpoints checkpoints() {
    return checkpoints;
  }

  public EvidenceExport evidence() {
    return evidence;
  }

  /** The ledger's checkpoint key: the chained logs (decisions, reads) sign their checkpoints with it too. */
  public CheckpointSigner checkpointSigner() {
    return signer;
  }

  public PersonalDataEraser eraser() {
    return eraser;
  }
}
