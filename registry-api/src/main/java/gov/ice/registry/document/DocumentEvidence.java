package gov.ice.registry.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.chain.EventChain.StoredEvent;
import gov.ice.registry.chain.EvidenceBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence bundle with the agreement's documents ({@code ?include=documents}): a ZIP holding
 * {@code evidence.json} (the bundle, byte for byte as without documents), {@code documents/<sha256>}
 * for every document whose content is held, and {@code SHA256SUMS} for {@code sha256sum -c}. The
 * offline verifier checks the same files with {@code --documents documents}.
 */
public final class DocumentEvidence {

  private final DocumentStore store;
  private final ObjectMapper json = new ObjectMapper();

  public DocumentEvidence(DocumentStore store) {
    this.store = store;
  }

  /** Writes the ZIP to a temporary file in {@code directory}; the caller deletes it once sent. */
  public Path zip(EvidenceBundle bundle, Path directory) throws IOException {
    Map<String, String> attached = new LinkedHashMap<>();
    Set<String> withdrawn = new HashSet<>();
    for (StoredEvent event : bundle.events()) {
      boolean attach = event.type().equals(DocumentAttached.class.getName());
      if (attach || event.type().equals(DocumentContentWithdrawn.class.getName())) {
        JsonNode payload = json.readTree(event.payloadJson());
        if (attach) {
          attached.put(payload.path("documentId").asText(), payload.path("sha256").asText());
        } else {
          withdrawn.add(payload.path("documentId").asText());
        }
      }
    }
    Files.createDirectories(directory);
    Path file = Files.createTempFile(directory, "evidence-", ".zip");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("evidence.json"));
      zip.write(bundle.toJson().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      StringBuilder sums = new StringBuilder();
      Set<String> written = new HashSet<>();
      for (Map.Entry<String, String> document : attached.entrySet()) {
        String sha256 = document.getValue();
        if (withdrawn.contains(document.getKey()) || !written.add(sha256)) {
          continue;
        }
        Optional<InputStream> content = store.open(sha256);
        if (content.isEmpty()) {
          continue;
        }
        zip.putNextEntry(new ZipEntry("documents/" + sha256));
        try (InputStream in = content.get()) {
          in.transferTo(zip);
        }
        zip.closeEntry();
        sums.append(sha256).append("  documents/").append(sha256).append('\n');
      }
      zip.putNextEntry(new ZipEntry("SHA256SUMS"));
      zip.write(sums.toString().getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }
}
