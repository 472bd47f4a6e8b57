package gov.ice.registry.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 trees of 1 to 20 leaves: every audit path and consistency proof verifies, and one
 * changed bit in a leaf, a proof hash or a root, another index, or a path too short or too long
 * makes it fail.
 */
class MerkleTreeTest {

  private static final int MAX = 20;

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(Bytes.sha256(Bytes.utf8("leaf " + i)));
    }
    return leaves;
  }

  /** The definition of MTH in RFC 6962, section 2.1, written as plainly as it reads. */
  private static byte[] mth(List<byte[]> d) {
    if (d.isEmpty()) {
      return Bytes.sha256();
    }
    if (d.size() == 1) {
      return Bytes.sha256(new byte[] {0}, d.get(0));
    }
    int k = 1;
    while (k * 2 < d.size()) {
      k *= 2;
    }
    return Bytes.sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  @Test
  void rootsMatchTheRfcDefinition() {
    List<byte[]> leaves = leaves(MAX);
    MerkleTree tree = MerkleTree.of(leaves);
    for (int n = 0; n <= MAX; n++) {
      assertThat(tree.root(n)).as("size %d", n).isEqualTo(mth(leaves.subList(0, n)));
    }
  }

  @Test
  void knownVectorOfEmptyAndSingleLeafTrees() {
    assertThat(Bytes.hex(MerkleTree.of(List.of()).root()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // RFC 6962 leaf of the empty string: SHA-256(0x00).
    assertThat(Bytes.hex(MerkleTree.of(List.of(new byte[0])).root()))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void everyInclusionProofVerifiesAndNoAlteredOneDoes() {
    List<byte[]> leaves = leaves(MAX);
    MerkleTree tree = MerkleTree.of(leaves);
    for (int n = 1; n <= MAX; n++) {
      byte[] root = tree.root(n);
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = tree.inclusionProof(i, n);
        byte[] leaf = MerkleTree.leafHash(leaves.get(i));
        assertThat(MerkleTree.verifyInclusion(i, n, leaf, proof, root)).as("leaf %d of %d", i, n).isTrue();

        assertThat(MerkleTree.verifyInclusion(i, n, flip(leaf, 0), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(i, n, leaf, proof, flip(root, 31))).isFalse();
        for (int j = 0; j < proof.size(); j++) {
          assertThat(MerkleTree.verifyInclusion(i, n, leaf, replace(proof, j, flip(proof.get(j), 7)), root)).isFalse();
        }
        for (int other = 0; other < n; other++) {
          if (other != i) {
            assertThat(MerkleTree.verifyInclusion(other, n, leaf, proof, root)).as("leaf %d as %d of %d", i, other, n).isFalse();
          }
        }
        // The size is not checked here: a root stands for one size only because the
        // checkpoint signs the two together.
        if (!proof.isEmpty()) {
          assertThat(MerkleTree.verifyInclusion(i, n, leaf, proof.subList(0, proof.size() - 1), root)).isFalse();
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(i, n, leaf, longer, root)).isFalse();
      }
    }
  }

  @Test
  void everyConsistencyProofVerifiesAndNoAlteredOneDoes() {
    MerkleTree tree = MerkleTree.of(leaves(MAX));
    for (int n = 1; n <= MAX; n++) {
      for (int m = 0; m <= n; m++) {
        List<byte[]> proof = tree.consistencyProof(m, n);
        byte[] oldRoot = tree.root(m);
        byte[] newRoot = tree.root(n);
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, proof)).as("%d to %d", m, n).isTrue();
        if (m == 0) {
          continue;
        }
        assertThat(MerkleTree.verifyConsistency(m, n, flip(oldRoot, 3), newRoot, proof)).isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, flip(newRoot, 3), proof)).isFalse();
        for (int j = 0; j < proof.size(); j++) {
          assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, replace(proof, j, flip(proof.get(j), 0)))).isFalse();
        }
        if (m < n) {
          assertThat(MerkleTree.verifyConsistency(m, n, tree.root(m - 1), newRoot, proof)).as("wrong old root").isFalse();
        }
      }
    }
  }

  @Test
  void aTreeWithAChangedLeafIsNotConsistentWithTheOriginal() {
    List<byte[]> leaves = leaves(MAX);
    MerkleTree original = MerkleTree.of(leaves);
    List<byte[]> changed = new ArrayList<>(leaves);
    changed.set(4, flip(leaves.get(4), 0));
    MerkleTree rewritten = MerkleTree.of(changed);
    for (int m = 5; m < MAX; m++) {
      List<byte[]> proof = rewritten.consistencyProof(m, MAX);
      assertThat(MerkleTree.verifyConsistency(m, MAX, original.root(m), rewritten.root(), proof)).as("from %d", m).isFalse();
    }
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 1;
    return copy;
  }

  private static List<byte[]> replace(List<byte[]> list, int index, byte[] value) {
    List<byte[]> copy = new ArrayList<>(list);
    copy.set(index, value);
    return copy;
  }
}
