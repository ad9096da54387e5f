package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pulseboard.operator.status.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs argocd/health.lua with Debian's lua5.4 against status fixtures named {@code <expected>--<case>.yaml},
 * as Argo CD would: the resource as the global obj, the script's return value as the health.
 */
class ArgoHealthTest {
  private static final Path ARGOCD = Path.of("../argocd").toAbsolutePath().normalize();
  private static final Path FIXTURES = Path.of("src/test/resources/argocd");
  /** Reasons that do not come back as retryable but only mean the resource is still starting. */
  private static final Set<Reason> STARTING = Set.of(Reason.IngestStarting, Reason.StreamNotReady);

  @TempDir
  Path work;

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void healthMatchesTheFixture(String fixture) throws Exception {
    String expected = fixture.substring(0, fixture.indexOf("--"));
    List<String> health = run(FIXTURES.resolve(fixture));
    assertThat(health.get(0)).as("health of %s (message: %s)", fixture, health.get(1))
        .isEqualToIgnoringCase(expected);
  }

  @Test
  void degradedAndProgressingCarryTheReadyReasonAndMessage() throws Exception {
    assertThat(run(FIXTURES.resolve("degraded--invalid-spec.yaml")).get(1)).isEqualTo("InvalidSpec: see the operator");
  }

  @Test
  void transientReasonsAreTheOperatorsRetryableAndStartingOnes() throws IOException {
    Matcher entries = Pattern.compile("(?m)^  (\\w+) = true,$").matcher(Files.readString(ARGOCD.resolve("health.lua")));
    Set<String> inScript = new TreeSet<>();
    while (entries.find()) {
      inScript.add(entries.group(1));
    }
    Set<String> expected = Arrays.stream(Reason.values()).filter(r -> r.retryable() || STARTING.contains(r))
        .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    assertThat(inScript).isEqualTo(expected);
  }

  @Test
  void theArgoConfigMapPatchEmbedsTheScriptVerbatim() throws IOException {
    String script = Files.readString(ARGOCD.resolve("health.lua"));
    var patch = new ObjectMapper(new YAMLFactory()).readTree(ARGOCD.resolve("argocd-cm-patch.yaml").toFile());
    assertThat(patch.path("data").path("resource.customizations.health.analytics.pulseboard.io_AnalyticsStream").asText())
        .isEqualTo(script);
    assertThat(patch.path("data").path("resource.customizations.health.analytics.pulseboard.io_Dashboard").asText())
        .isEqualTo(script);
  }

  /** The status and message health.lua returns for the resource in {@code fixture}. */
  private List<String> run(Path fixture) throws Exception {
    var resource = new ObjectMapper(new YAMLFactory()).readTree(fixture.toFile());
    Path harness = work.resolve("harness.lua");
    Files.writeString(harness, "obj = " + LuaTables.of(resource) + "\n"
        + "local hs = dofile(arg[1])\n"
        + "print(hs.status)\n"
        + "print(hs.message)\n");
    Process lua = new ProcessBuilder("lua5.4", harness.toString(), ARGOCD.resolve("health.lua").toString())
        .redirectErrorStream(true).start();
    assertThat(lua.waitFor(10, TimeUnit.SECONDS)).isTrue();
    String out = new String(lua.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lua.exitValue()).as("lua5.4 failed: %s", out).isZero();
    return out.lines().toList();
  }
}
