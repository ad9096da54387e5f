package io.pulseboard.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Helm chart under helm/pulseboard, rendered with helm-java (Helm's own Go code, no helm binary). */
final class Chart {
  static final Path DIR = Path.of("../helm/pulseboard").toAbsolutePath().normalize();
  static final Path VALUES = Path.of("src/test/resources/values");
  static final String NAMESPACE = "pulseboard-system";

  private Chart() {}

  /** Renders the chart with a values file (null: the defaults) and extra --set values. */
  static String template(String valuesFile, Map<String, Object> set) {
    TemplateCommand command = new Helm(DIR).template().withName("pb").withNamespace(NAMESPACE);
    if (valuesFile != null) {
      command = command.withValuesFile(VALUES.resolve(valuesFile).toAbsolutePath());
    }
    for (Map.Entry<String, Object> value : set.entrySet()) {
      command = command.set(value.getKey(), value.getValue());
    }
    return command.call();
  }

  static List<HasMetadata> render(String valuesFile) {
    return StrictManifests.parse(template(valuesFile, Map.of()));
  }
}
