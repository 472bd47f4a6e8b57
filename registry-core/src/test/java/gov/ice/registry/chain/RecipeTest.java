package gov.ice.registry.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell recipe of docs/ledger-hash.md, run as written (bash, jq, sha256sum, xxd, openssl),
 * against a bundle whose chain changes from revision 1 to revision 2, and against tampered
 * copies: the documented script is the one that works.
 */
class RecipeTest {

  private static String recipe() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "ledger-hash.md"));
    Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(block.find()).as("docs/ledger-hash.md holds the shell recipe").isTrue();
    return block.group(1);
  }

  private record Run(int exit, String output) {}

  private static Run run(Path dir, String bundle) throws Exception {
    Path script = Files.writeString(dir.resolve("verify.sh"), recipe());
    Path file = Files.writeString(dir.resolve("bundle.json"), bundle);
    Process process = new ProcessBuilder("bash", script.toString(), file.toString()).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  @Test
  void theRecipeVerifiesABundleOfBothRevisions(@TempDir Path dir) throws Exception {
    Run run = run(dir, VerifyBundleTest.bundleOf(LedgerSamples.upgradedLedger(), "agr-u").toJson());

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("chain: 3 events, head ", "Signature Verified Successfully", "key fingerprint: ");
  }

  @Test
  void theRecipeVerifiesABundleOfRevision1(@TempDir Path dir) throws Exception {
    Run run = run(dir, VerifyBundleTest.bundleOf(LedgerSamples.ledger(), "agr-a").toJson());

    assertThat(run.exit()).as(run.output()).isZero();
  }

  @Test
  void theRecipeRefusesATamperedBundle(@TempDir Path dir) throws Exception {
    String json = VerifyBundleTest.bundleOf(LedgerSamples.upgradedLedger(), "agr-u").toJson();

    assertThat(run(dir, json.replace("Pat Program", "Pat Programme")).output())
        .contains("sequence 1: actor.displayName does not match its digest");
    assertThat(run(dir, json.replace("\"actor.displayName\":\"Pat Program\",", "")).output())
        .contains("sequence 1: actor.displayName was removed but its salt is still there");
    assertThat(run(dir, json.replaceFirst("\"actor.roles\":", "\"actor.displayName\":\"Mallory\",\"actor.roles\":")).output())
        .contains("metadata no hash covers: actor.displayName");
    assertThat(run(dir, json.replace("\"ledger.revision\":\"2\"", "\"ledger.revision\":\"1\"")).exit()).isNotZero();
    Run changedRole = run(dir, json.replace("\"PROGRAM_OFFICE\"", "\"ADMIN\""));
    assertThat(changedRole.exit()).isNotZero();
    assertThat(changedRole.output()).contains("sequence 0: hashes to ");
  }
}
