package gov.ice.registry.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Receives a multipart upload as it arrives: the {@code file} part goes chunk by chunk into a
 * temporary file and through SHA-256 on the way, so a 25 MB file costs the heap a few network
 * buffers, not 25 MB; the limit is enforced as the bytes come, not after. The other parts are
 * small form fields.
 */
public final class DocumentUploads {

  static final String FILE = "file";

  private final Path directory;
  private final long maxBytes;

  public DocumentUploads(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Removes the temporary files of uploads abandoned before {@code grace} ago: what a process
   * killed while receiving a file leaves behind (a live upload deletes its own file when it ends,
   * and keeps writing to it, so its time stays recent). Answers how many were removed.
   */
  public int sweepAbandoned(java.time.Instant now, java.time.Duration grace) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    java.time.Instant before = now.minus(grace);
    int removed = 0;
    try (java.nio.file.DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "upload-*.part")) {
      for (Path part : parts) {
        try {
          if (Files.getLastModifiedTime(part).toInstant().isBefore(before) && Files.deleteIfExists(part)) {
            removed++;
          }
        } catch (java.nio.file.NoSuchFileException finishedMeanwhile) {
          // Its upload ended and removed it: nothing to do.
        }
      }
    }
    return removed;
  }

  public Mono<Upload> receive(Flux<PartEvent> parts) {
    return Mono.using(() -> new Receiving(Files.createDirectories(directory)),
        receiving -> parts.windowUntil(PartEvent::isLast)
            .publishOn(Schedulers.boundedElastic())
            .concatMap(part -> part.switchOnFirst((first, events) -> {
              PartEvent event = first.get();
              if (event instanceof FilePartEvent file && FILE.equals(file.name())) {
                return receiving.startFile(file.filename(), file.headers().getContentType())
                    .thenMany(events.concatMap(e -> receiving.write(e.content())));
              }
              if (event instanceof FormPartEvent form) {
                receiving.fields.put(form.name(), form.value());
              }
              return events.doOnNext(e -> DataBufferUtils.release(e.content())).then();
            }))
            .then(Mono.fromCallable(receiving::finish)),
        Receiving::close)
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * The same for a file part the framework has already parsed (the pages' form, whose CSRF token
   * travels in the multipart body and is read before the handler runs).
   */
  public Mono<Upload> receive(FilePart file, Map<String, String> fields) {
    return Mono.using(() -> new Receiving(Files.createDirectories(directory)),
        receiving -> {
          receiving.fields.putAll(fields);
          return receiving.startFile(file.filename(), file.headers().getContentType())
              .thenMany(file.content().publishOn(Schedulers.boundedElastic()).concatMap(receiving::write))
              .then(Mono.fromCallable(receiving::finish));
        },
        Receiving::close)
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The state of one upload being received; its temporary file outlives it only when finished. */
  private final class Receiving {

    final Map<String, String> fields = new LinkedHashMap<>();
    private final Path temporary;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final AtomicReference<String> fileName = new AtomicReference<>();
    private MediaType declared;
    private long size;
    private boolean finished;

    Receiving(Path directory) throws IOException {
      temporary = Files.createTempFile(directory, "upload-", ".part");
      channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Mono<Void> startFile(String name, MediaType contentType) {
      declared = contentType;
      if (!fileName.compareAndSet(null, name == null ? "" : name)) {
        return Mono.error(new DocumentRefused(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
            "The form carries one file, in the part named \"file\"."));
      }
      return Mono.empty();
    }

    Mono<Void> write(DataBuffer buffer) {
      try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
        while (chunks.hasNext()) {
          ByteBuffer chunk = chunks.next();
          size += chunk.remaining();
          if (size > maxBytes) {
            return Mono.error(DocumentRefused.tooLarge(maxBytes));
          }
          digest.update(chunk.duplicate());
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        }
        return Mono.empty();
      } catch (IOException e) {
        return Mono.error(new UncheckedIOException(e));
      } finally {
        DataBufferUtils.release(buffer);
      }
    }

    Upload finish() throws IOException {
      String name = fileName.get();
      if (name == null) {
        throw new DocumentRefused(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
            "The form has no part named \"file\".");
      }
      if (size == 0) {
        throw new DocumentRefused(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "The file is empty.");
      }
      channel.force(false);
      channel.close();
      finished = true;
      return new Upload(temporary, HexFormat.of().formatHex(digest.digest()), size, name,
          declared == null ? null : declared.toString(), Map.copyOf(fields));
    }

    void close() {
      try {
        channel.close();
        if (!finished) {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
