package gov.ice.registry.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.integrity.CheckpointStore.Leaf;
import gov.ice.registry.chain.Checkpoint;
import gov.ice.registry.chain.CheckpointSigner;
import gov.ice.registry.chain.EventChain;
import gov.ice.registry.chain.MerkleTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records signed checkpoints: takes every event not yet in the leaf log into it, in global
 * order, and signs the Merkle root over all leaves. Only over a ledger that verifies: a
 * checkpoint must never vouch for a tampered entry. Consecutive checkpoints are consistent by
 * construction (the leaf log only grows) and by check (verification before each one compares the
 * previous roots with the leaves).
 */
public final class Checkpoints {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final HexFormat HEX = HexFormat.of();

  private final CheckpointStore store;
  private final LedgerVerifier verifier;
  private final CheckpointSigner signer;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;

  Checkpoints(CheckpointStore store, LedgerVerifier verifier, CheckpointSigner signer, Clock clock, TransactionTemplate transactions,
      ObjectMapper json) {
    this.store = store;
    this.verifier = verifier;
    this.signer = signer;
    this.clock = clock;
    this.transactions = transactions;
    this.json = json;
  }

  /** Verifies the ledger, extends the leaf log and signs a checkpoint over it; throws {@link LedgerBroken} otherwise. */
  public synchronized Checkpoint record() {
    LedgerVerification verification = verifier.verifyLedger();
    if (!verification.verified()) {
      throw new LedgerBroken(verification);
    }
    return transactions.execute(status -> {
      MerkleTree tree = tree(appendLeaves());
      Checkpoint checkpoint = signer.sign(tree.size(), tree.root(), clock.instant());
      store.append(checkpoint);
      return checkpoint;
    });
  }

  /**
   * Takes the events recorded since the last call into the leaf log, unsigned. Run every few
   * seconds, it makes the leaf log a witness of what the store held: an event removed afterwards
   * is named by verification even before a checkpoint signs it. Leaves mirror the stored hashes;
   * whether those hashes are right is the chain check's business, so nothing is verified here.
   */
  public synchronized List<Leaf> appendLeaves() {
    return transactions.execute(status -> {
      List<Leaf> leaves = new ArrayList<>(store.leaves());
      if (!contiguous(leaves)) {
        return leaves; // Rows were removed from the leaf log: verification names the gap; appending would hide it.
      }
      for (Object[] event : store.eventsWithoutLeaf()) {
        Object hash = metadata((byte[]) event[3]).get(EventChain.HASH);
        if (!(hash instanceof String text)) {
          break; // An event without a hash is a break the verifier reports; nothing after it is taken in.
        }
        Leaf leaf = new Leaf(leaves.size(), (Long) event[0], (String) event[1], (Long) event[2], text);
        store.append(leaf);
        leaves.add(leaf);
      }
      return leaves;
    });
  }

  /** Records a checkpoint only when events arrived since the last one: what the schedule runs. */
  public synchronized Optional<Checkpoint> recordIfNew() {
    Optional<Checkpoint> latest = store.latest();
    if (latest.isPresent() && store.eventsWithoutLeaf().isEmpty() && store.leaves().size() == latest.get().size()) {
      return Optional.empty();
    }
    return Optional.of(record());
  }

  public Optional<Checkpoint> latest() {
    return store.latest();
  }

  /** RFC 6962 consistency proof (hex) from the tree of {@code from} leaves to the one of {@code to}. */
  public List<String> consistencyProof(long from, long to) {
    MerkleTree tree = tree(store.leaves());
    if (from < 0 || to > tree.size() || from > to) {
      throw new IllegalArgumentException("the leaf log holds " + tree.size() + " events; no proof from " + from + " to " + to);
    }
    return tree.consistencyProof((int) from, (int) to).stream().map(HEX::formatHex).toList();
  }

  /**
   * The latest checkpoint, the leaf of the agreement's event at {@code sequence} in it and its
   * audit path; empty if it is not in it. Throws {@link LedgerBroken} naming the gap when leaves
   * the checkpoint covers are missing from the leaf log: no audit path can be computed then.
   */
  Optional<Anchored> anchor(String agreementId, long sequence) {
    Optional<Checkpoint> latest = store.latest();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    List<Leaf> leaves = store.leaves();
    if (!contiguous(leaves) || leaves.size() < latest.get().size()) {
      LedgerVerification.Broken gap = verifier.leafLogGap().orElseGet(() -> new LedgerVerification.Broken(null, null,
          "the leaf log holds " + leaves.size() + " leaves, not the " + latest.get().size() + " the latest checkpoint covers"));
      throw new LedgerBroken("no evidence bundle can be proved against the latest checkpoint: " + gap,
          new LedgerVerification(false, 0, null, new LedgerVerification.CheckpointSummary(latest.get().size(), latest.get().root(),
              latest.get().at()), gap));
    }
    Optional<Leaf> leaf = leaves.stream()
        .filter(l -> l.agreementId().equals(agreementId) && l.sequence() == sequence && l.index() < latest.get().size())
        .findFirst();
    if (leaf.isEmpty()) {
      return Optional.empty();
    }
    List<String> path = tree(leaves).inclusionProof((int) leaf.get().index(), (int) latest.get().size()).stream()
        .map(HEX::formatHex).toList();
    return Optional.of(new Anchored(latest.get(), leaf.get().index(), path));
  }

  private static boolean contiguous(List<Leaf> leaves) {
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i).index() != i) {
        return false;
      }
    }
    return true;
  }

  record Anchored(Checkpoint checkpoint, long leafIndex, List<String> path) {}

  public String publicKey() {
    return signer.publicKey();
  }

  private static MerkleTree tree(List<Leaf> leaves) {
    return MerkleTree.of(leaves.stream().map(l -> HEX.parseHex(l.hash())).toList());
  }

  private Map<String, Object> metadata(byte[] bytes) {
    try {
      return json.readValue(bytes, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
