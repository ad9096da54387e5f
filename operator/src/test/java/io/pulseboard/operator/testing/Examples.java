package io.pulseboard.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's example resources, read the way kubectl would send them. */
public final class Examples {
  private static final Path QUICKSTART = Path.of("..", "examples", "quickstart");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Examples() {}

  public static AnalyticsStream quickstartStream() {
    return read(QUICKSTART.resolve("stream.yaml"), AnalyticsStream.class);
  }

  public static Dashboard quickstartDashboard() {
    return read(QUICKSTART.resolve("dashboard.yaml"), Dashboard.class);
  }

  public static <T extends HasMetadata> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
