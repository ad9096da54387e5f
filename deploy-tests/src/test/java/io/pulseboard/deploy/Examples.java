package io.pulseboard.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's example files, read as kubectl would send them. */
final class Examples {
  static final Path DIR = Path.of("../examples");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Examples() {}

  /** The resource as its Pulseboard class; the serializer alone would give a generic resource. */
  private static HasMetadata typed(String yaml) {
    HasMetadata generic = YAML.unmarshal(yaml, HasMetadata.class);
    return switch (generic.getKind()) {
      case "AnalyticsStream" -> YAML.unmarshal(yaml, AnalyticsStream.class);
      case "Dashboard" -> YAML.unmarshal(yaml, Dashboard.class);
      default -> throw new IllegalArgumentException("examples hold streams and dashboards, not " + generic.getKind());
    };
  }

  static <T extends HasMetadata> T read(Path file, Class<T> type) {
    try {
      return YAML.unmarshal(Files.readString(file), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource of every *.yaml under examples/ (one each), in path order. */
  static List<HasMetadata> all() {
    try (var files = Files.walk(DIR)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted()
          .flatMap(p -> {
            try {
              return Stream.of(typed(Files.readString(p)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
