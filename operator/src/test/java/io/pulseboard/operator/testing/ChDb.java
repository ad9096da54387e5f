package io.pulseboard.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chDB 26.7, the ClickHouse engine as a library, run through a small Node script
 * ({@code src/test/chdb/run.js}) so tests can execute modern-dialect SQL on a real modern engine without a
 * server. The npm packages (pinned by the committed lockfile) are installed with {@code npm install} into
 * {@code target/chdb} the first time a test needs them; only a machine without node or npm skips. (Not
 * {@code npm ci}: npm leaves the other platforms' optional chDB libraries out of the lockfile and then
 * calls it out of sync; {@code npm install} keeps the locked versions and adds nothing else.)
 */
public final class ChDb {
  private static final Logger LOG = LoggerFactory.getLogger(ChDb.class);
  private static final Path SOURCE = Path.of("src", "test", "chdb");
  private static final Path INSTALL = Path.of("target", "chdb");
  private static final List<String> FILES = List.of("package.json", "package-lock.json", "run.js");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChDb() {}

  /** The outcome of running statements: the text each one printed, and the first failure if any. */
  public record Run(List<String> outputs, String error, int failedIndex) {
    public boolean failed() {
      return error != null;
    }

    /** The rows the statement at {@code index} printed in JSONEachRow. */
    public List<JsonNode> rows(int index) {
      List<JsonNode> rows = new ArrayList<>();
      for (String line : outputs.get(index).split("\n")) {
        if (!line.isBlank()) {
          rows.add(read(line));
        }
      }
      return rows;
    }
  }

  /** Runs the statements in order in one fresh chDB session; reads print JSONEachRow. */
  public static synchronized Run run(List<String> statements) {
    Path dir = installed();
    try {
      Process process = new ProcessBuilder("node", "run.js").directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      ObjectNode input = JSON.createObjectNode();
      input.putPOJO("statements", statements);
      try (OutputStream in = process.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(input));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("node run.js failed: " + new String(out, StandardCharsets.UTF_8));
      }
      JsonNode result = JSON.readTree(out);
      List<String> outputs = new ArrayList<>();
      result.get("results").forEach(r -> outputs.add(r.asText()));
      return result.has("error")
          ? new Run(outputs, result.get("error").asText(), result.get("index").asInt())
          : new Run(outputs, null, -1);
    } catch (IOException e) {
      throw new IllegalStateException("running chDB failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running chDB", e);
    }
  }

  private static Path installed() {
    Path dir = INSTALL.toAbsolutePath();
    if (Files.isDirectory(dir.resolve("node_modules").resolve("@chdb"))) {
      return dir;
    }
    Assumptions.assumeTrue(onPath("node") && onPath("npm"),
        "node and npm are needed to run the modern dialect on chDB; install Node.js 20 with npm");
    try {
      Files.createDirectories(dir);
      for (String file : FILES) {
        Files.copy(SOURCE.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      LOG.info("Installing chDB with npm into {} (about 180 MB the first time)", dir);
      Path log = dir.resolve("npm-install.log");
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund").directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install failed; see " + log);
      }
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException("installing chDB failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing chDB", e);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, command))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException("chDB printed something that is not JSON: " + line, e);
    }
  }
}
