package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server-side table output, which is how kubectl shows a CRD's printer columns (Ready, Reason, URL...) and a
 * Deployment's READY column. Without it kubectl falls back to NAME and AGE.
 */
final class TableConverter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Column> DEPLOYMENT_COLUMNS = List.of(
      new Column("Ready", "string", "{.status.readyReplicas}/{.spec.replicas}"),
      new Column("Up-to-date", "integer", ".status.updatedReplicas"),
      new Column("Available", "integer", ".status.availableReplicas"),
      new Column("Age", "date", ".metadata.creationTimestamp"));

  private final ResourceCatalog catalog;
  private final Clock clock;

  TableConverter(ResourceCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Whether kubectl asked for a table ({@code Accept: application/json;as=Table;...}). */
  static boolean wantsTable(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /** A Table for a GET of {@code path} that returned {@code body}, when the type has columns to show. */
  Optional<JsonNode> convert(String path, JsonNode body) {
    Optional<List<Column>> columns = columnsFor(path);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode table = NODES.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
        .put("description", "Name of the object");
    for (Column c : columns.get()) {
      definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", "").put("priority", 0)
          .put("description", c.path());
    }
    ArrayNode rows = table.putArray("rows");
    List<JsonNode> objects = new ArrayList<>();
    if (body.has("items")) {
      body.get("items").forEach(objects::add);
    } else {
      objects.add(body);
    }
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      for (Column c : columns.get()) {
        cells.add(cell(c, object));
      }
      row.set("object", object);
    }
    return Optional.of(table);
  }

  private Optional<List<Column>> columnsFor(String path) {
    String[] parts = path.substring(1).split("/");
    int first = parts[0].equals("api") ? 2 : 3;
    if (parts.length <= first || !(parts[0].equals("api") || parts[0].equals("apis"))) {
      return Optional.empty();
    }
    if (parts[first].equals("namespaces") && parts.length > first + 2) {
      first += 2;
    }
    if (parts.length > first + 2) {
      return Optional.empty();
    }
    String group = parts[0].equals("api") ? "" : parts[1];
    String version = parts[0].equals("api") ? parts[1] : parts[2];
    String plural = parts[first];
    if (group.equals("apps") && plural.equals("deployments")) {
      return Optional.of(DEPLOYMENT_COLUMNS);
    }
    return catalog.crdVersion(group, version, plural)
        .map(v -> v.getAdditionalPrinterColumns() == null ? List.<CustomResourceColumnDefinition>of()
            : v.getAdditionalPrinterColumns())
        .filter(list -> !list.isEmpty())
        .map(list -> list.stream()
            .filter(c -> c.getPriority() == null || c.getPriority() == 0)
            .map(c -> new Column(c.getName(), c.getType(), c.getJsonPath()))
            .toList());
  }

  private String cell(Column column, JsonNode object) {
    if (column.path().contains("{")) {
      return JsonPathLite.template(object, column.path());
    }
    Optional<JsonNode> value = JsonPathLite.first(object, column.path());
    if (value.isEmpty() || value.get().isNull()) {
      return column.type().equals("integer") ? "0" : "";
    }
    if (column.type().equals("date")) {
      return age(value.get().asText());
    }
    return value.get().asText();
  }

  private String age(String timestamp) {
    try {
      return HumanDuration.format(Duration.between(Instant.parse(timestamp), clock.instant()));
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  private record Column(String name, String type, String path) {}
}
