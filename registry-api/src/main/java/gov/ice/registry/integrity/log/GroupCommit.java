package gov.ice.registry.integrity.log;

import gov.ice.registry.chain.LogEntry;
import gov.ice.registry.integrity.log.ChainedLog.Appended;
import gov.ice.registry.integrity.log.ChainedLog.NewEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to one {@link ChainedLog} by group commit: callers hand in their entries, one writer
 * thread takes whatever has queued up (up to {@code maxBatch}) and appends it with
 * {@link ChainedLog#appendAll} in one transaction, and each caller's {@link #append} returns only
 * once that transaction has committed. An entry that was not committed throws: the caller must
 * then give no answer that depends on it (the sharing gate answers no decision at all).
 *
 * <p>Why: an append locks the log's head row for its transaction, so one append per request
 * serializes every caller behind one commit each. A batch pays the lock and the commit once for
 * all callers who arrived meanwhile; a caller alone still commits at once (no timer, no linger).
 */
public final class GroupCommit implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final ChainedLog target;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue;
  private final Thread writer;
  private volatile boolean open = true;

  private record Pending(NewEntry entry, CompletableFuture<Appended> done) {}

  /** Thrown to a caller whose entry the log did not take: nothing may be answered on its strength. */
  public static final class NotLogged extends RuntimeException {
    NotLogged(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public GroupCommit(ChainedLog target, int maxBatch, int queueCapacity) {
    if (maxBatch < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("a group commit needs a batch and a queue of at least one entry");
    }
    this.target = target;
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.writer = new Thread(this::write, target.name() + "-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  public ChainedLog log() {
    return target;
  }

  /**
   * Appends {@code entry} with the other entries waiting now, and returns once their transaction
   * has committed. Throws {@link NotLogged} if the log refused it, its store failed, or it was not
   * committed within {@code timeout} (it may still be committed later: a logged decision nobody
   * was given is harmless, an answered decision nobody logged is not).
   */
  public Appended append(NewEntry entry, Duration timeout) {
    return appendAll(List.of(entry), timeout).get(0);
  }

  /**
   * {@link #append} for several entries, in this order, waiting once for all of them. Throws
   * {@link NotLogged} if any of them was not committed in time (some may have been).
   */
  public List<Appended> appendAll(List<NewEntry> entries, Duration timeout) {
    for (NewEntry entry : entries) {
      if (!LogEntry.isCanonical(entry.body())) {
        throw new IllegalArgumentException("an entry's body must be canonical JSON: " + entry.entryId());
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Pending> pending = new ArrayList<>(entries.size());
    try {
      for (NewEntry entry : entries) {
        if (!open) {
          throw new NotLogged("the " + target.name() + " log is closed", null);
        }
        Pending p = new Pending(entry, new CompletableFuture<>());
        if (!queue.offer(p, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new NotLogged("the " + target.name() + " log's queue stayed full for " + timeout, null);
        }
        pending.add(p);
      }
      List<Appended> appended = new ArrayList<>(pending.size());
      for (Pending p : pending) {
        appended.add(p.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return appended;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotLogged("interrupted while the " + target.name() + " log committed", e);
    } catch (TimeoutException e) {
      throw new NotLogged("the " + target.name() + " log did not commit within " + timeout, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof NotLogged notLogged ? notLogged
          : new NotLogged("the " + target.name() + " log did not take the entry: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void write() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
      } catch (InterruptedException e) {
        if (!open) {
          break;
        }
      } catch (RuntimeException | Error e) {
        // Never leave a caller waiting on an entry this thread dropped.
        batch.forEach(p -> p.done().completeExceptionally(new NotLogged("the " + target.name() + " log's writer failed", e)));
        log.error("The {} log's writer failed on a batch of {} entries", target.name(), batch.size(), e);
      } finally {
        batch.clear();
      }
    }
    queue.forEach(p -> p.done().completeExceptionally(new NotLogged("the " + target.name() + " log is closed", null)));
  }

  private void commit(List<Pending> batch) {
    try {
      List<Appended> appended = target.appendAll(batch.stream().map(Pending::entry).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(appended.get(i));
      }
    } catch (IllegalArgumentException refused) {
      // One entry the log refuses (an id it already holds) must not cost the others their place: each on its own.
      if (batch.size() == 1) {
        batch.get(0).done().completeExceptionally(refused);
        return;
      }
      for (Pending p : batch) {
        try {
          p.done().complete(target.append(p.entry()));
        } catch (RuntimeException e) {
          p.done().completeExceptionally(e);
        }
      }
    } catch (RuntimeException failed) {
      // The store failed: the transaction rolled back (or its outcome is unknown). No caller is told it was logged.
      batch.forEach(p -> p.done().completeExceptionally(failed));
    }
  }

  /** Stops taking entries, commits those already queued, and stops the writer. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many entries wait for the writer now (a gauge for operators). */
  public int waiting() {
    return queue.size();
  }
}
