package gov.ice.registry.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedUploadsTest {

  @TempDir
  Path directory;

  @Test
  void removesOnlyUploadFilesOlderThanTheGracePeriod() throws Exception {
    Instant now = Instant.parse("2026-12-08T01:00:00Z");
    Path abandoned = Files.write(directory.resolve("upload-1.part"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(25))));
    Path receiving = Files.write(directory.resolve("upload-2.part"), new byte[] {4});
    Files.setLastModifiedTime(receiving, FileTime.from(now.minus(Duration.ofMinutes(5))));
    Path other = Files.write(directory.resolve("evidence-1.zip"), new byte[] {5});
    Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofDays(3))));

    int removed = new DocumentUploads(directory, 1024).sweepAbandoned(now, Duration.ofHours(24));

    assertThat(removed).isEqualTo(1);
    assertThat(abandoned).doesNotExist();
    assertThat(receiving).exists();
    assertThat(other).as("only upload files are the sweep's").exists();
  }

  @Test
  void anUploadDirectoryNotYetCreatedHasNothingToSweep() throws Exception {
    assertThat(new DocumentUploads(directory.resolve("never"), 1024).sweepAbandoned(Instant.now(), Duration.ZERO)).isZero();
  }
}
