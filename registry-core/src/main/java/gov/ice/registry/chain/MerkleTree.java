package gov.ice.registry.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962, section 2.1 (Certificate Transparency), over leaves given in
 * order: leaf hash {@code SHA-256(0x00 || leaf)}, interior node {@code SHA-256(0x01 || left ||
 * right)}, the left subtree holding the largest power of two of leaves smaller than the whole.
 * Audit paths and consistency proofs are RFC 6962's PATH and PROOF; their checks are RFC 9162's
 * (sections 2.1.3.2 and 2.1.4.2). Holds leaf hashes only.
 */
public final class MerkleTree {

  private static final byte[] LEAF = {0x00};
  private static final byte[] NODE = {0x01};

  private final List<byte[]> leafHashes;

  private MerkleTree(List<byte[]> leafHashes) {
    this.leafHashes = leafHashes;
  }

  /** A tree over {@code leaves}, each the data of one leaf (for the ledger, an event's 32 hash bytes). */
  public static MerkleTree of(List<byte[]> leaves) {
    List<byte[]> hashes = new ArrayList<>(leaves.size());
    leaves.forEach(leaf -> hashes.add(leafHash(leaf)));
    return new MerkleTree(hashes);
  }

  public static byte[] leafHash(byte[] leaf) {
    return Bytes.sha256(LEAF, leaf);
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    return Bytes.sha256(NODE, left, right);
  }

  public int size() {
    return leafHashes.size();
  }

  /** The root of the whole tree; of an empty tree, SHA-256 of nothing. */
  public byte[] root() {
    return root(0, leafHashes.size());
  }

  /** The root of the tree over the first {@code size} leaves: what a checkpoint of that size signed. */
  public byte[] root(int size) {
    requireSize(size);
    return root(0, size);
  }

  /** RFC 6962 PATH(m, D[n]) over the first {@code size} leaves. */
  public List<byte[]> inclusionProof(int index, int size) {
    requireSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, size, path);
    return path;
  }

  /** RFC 6962 PROOF(m, D[n]): the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize}. */
  public List<byte[]> consistencyProof(int oldSize, int newSize) {
    requireSize(newSize);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("no consistency from " + oldSize + " to " + newSize);
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < newSize) {
      subproof(oldSize, 0, newSize, true, proof);
    }
    return proof;
  }

  /** RFC 9162 2.1.3.2: does {@code proof} lead from the leaf to {@code root} in a tree of {@code size}? */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /** RFC 9162 2.1.4.2: is the tree of {@code oldSize} with {@code oldRoot} a prefix of the one of {@code newSize}? */
  public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    if (oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
    }
    if (oldSize == 0) {
      return proof.isEmpty(); // Every tree extends the empty one.
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      path.add(0, oldRoot);
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot) && sn == 0;
  }

  private byte[] root(int from, int to) {
    int n = to - from;
    if (n == 0) {
      return Bytes.sha256();
    }
    if (n == 1) {
      return leafHashes.get(from);
    }
    int k = split(n);
    return nodeHash(root(from, from + k), root(from + k, to));
  }

  private void path(int index, int from, int to, List<byte[]> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = split(n);
    if (index < k) {
      path(index, from, from + k, out);
      out.add(root(from + k, to));
    } else {
      path(index - k, from + k, to, out);
      out.add(root(from, from + k));
    }
  }

  private void subproof(int m, int from, int to, boolean complete, List<byte[]> out) {
    int n = to - from;
    if (m == n) {
      if (!complete) {
        out.add(root(from, to));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(m, from, from + k, complete, out);
      out.add(root(from + k, to));
    } else {
      subproof(m - k, from + k, to, false, out);
      out.add(root(from, from + k));
    }
  }

  /** The largest power of two smaller than {@code n} (n > 1). */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private void requireSize(int size) {
    if (size < 0 || size > leafHashes.size()) {
      throw new IllegalArgumentException("the tree has " + leafHashes.size() + " leaves, not " + size);
    }
  }
}
