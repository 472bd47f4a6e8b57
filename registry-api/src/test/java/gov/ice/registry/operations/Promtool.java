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

/**
 * Prometheus's own checker, and Alertmanager's ({@link #amtool}). Required: the build fails, never
 * skips, where either is missing (.ci/run installs both).
 */
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
    return attempt("promtool", "prometheus", directory, stdin, arguments);
  }

  /** Runs Alertmanager's amtool with {@code arguments} in {@code directory}; answers its output, asserting exit 0. */
  static String amtool(Path directory, String... arguments) throws IOException, InterruptedException {
    Result result = attempt("amtool", "prometheus-alertmanager", directory, null, arguments);
    assertThat(result.exitCode()).as("amtool " + String.join(" ", arguments) + ":\n" + result.output()).isZero();
    return result.output();
  }

  private static Result attempt(String tool, String debianPackage, Path directory, String stdin, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable(tool, debianPackage));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  private static String executable(String tool, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(tool + " is not on the PATH: install Debian's " + debianPackage + " package (apt-get install "
        + debianPackage + "), as .ci/run does");
  }
}
