package io.pulseboard.api.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks a custom resource against its CRD the way a real API server does: the OpenAPI schema (types,
 * enums, patterns, bounds, required) and the CEL rules in {@code x-kubernetes-validations}. Local mode
 * uses it so that an invalid resource is refused there as it would be on a cluster; tests use it to prove
 * the rules the Java model declares.
 */
public final class CrdValidator {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final Schema schema;
  private final JsonNode openApiSchema;
  private final CelRules celRules = new CelRules();

  private CrdValidator(JsonNode openApiSchema) {
    this.openApiSchema = openApiSchema;
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApiSchema);
  }

  /** Reads the first served version's schema of a CRD given as YAML. */
  public static CrdValidator fromCrdYaml(String crdYaml) {
    JsonNode crd = YAML.readTree(crdYaml);
    JsonNode schema = crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("the CRD has no openAPIV3Schema");
    }
    return new CrdValidator(schema);
  }

  /** Validates a resource given as YAML or JSON text. */
  public List<String> validate(String resource) {
    return validate(YAML.readTree(resource));
  }

  /** Returns one message per violation, each naming the field; empty when the resource is valid. */
  public List<String> validate(JsonNode resource) {
    List<String> problems = new ArrayList<>();
    schema.validate(resource).forEach(e -> problems.add(e.getInstanceLocation() + ": " + e.getMessage()));
    if (problems.isEmpty()) {
      // CEL rules may assume the schema holds (types, required fields), as on a real API server.
      celRules.check(openApiSchema, resource, "", problems);
    }
    return problems;
  }
}
