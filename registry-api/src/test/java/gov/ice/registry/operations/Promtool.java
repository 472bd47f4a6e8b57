package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's own checker. Required: the build fails, never skips, where it is missing (.ci/run installs it). */
final class Promtool {

  private Promtool() {}

  /** Runs promtool with {@code arguments} in {@code directory}, feeding {@code stdin}; answers its output, asserting exit 0. */
  static String run(Path directory, String stdin, String... arguments) throws IOException, InterruptedException {
    Result result = attempt(directory, stdin, arguments);
    assertThat(result.exitCode()).as("promtool " + String.join(" ", arguments) + ":\n" + result.output()).isZero();
    return result.output();
  }

  /** What promtool answered and how it exited. */
  record Result(int exitCode, String output) {}

  /** Runs promtool as {@link #run} does, whatever its exit code. */
  static Result attempt(Path directory, String stdin, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  private static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError("promtool is not on the PATH: install Debian's prometheus package (apt-get install prometheus), as .ci/run does");
  }
}
