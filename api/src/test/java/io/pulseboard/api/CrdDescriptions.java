package io.pulseboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the properties of a CRD's OpenAPI schema that have no description. */
final class CrdDescriptions {
  private CrdDescriptions() {}

  static List<String> propertiesWithoutDescription(String crdYaml) throws IOException {
    JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(crdYaml);
    List<String> missing = new ArrayList<>();
    for (JsonNode version : crd.path("spec").path("versions")) {
      JsonNode root = version.path("schema").path("openAPIV3Schema");
      walk(root.path("properties").path("spec"), ".spec", missing);
      walk(root.path("properties").path("status"), ".status", missing);
    }
    return missing;
  }

  private static void walk(JsonNode schema, String path, List<String> missing) {
    if (schema.isMissingNode()) {
      return;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String child = path + "." + property.getKey();
      if (!property.getValue().hasNonNull("description")) {
        missing.add(child);
      }
      walk(property.getValue(), child, missing);
    }
    walk(schema.path("items"), path + "[]", missing);
  }
}
