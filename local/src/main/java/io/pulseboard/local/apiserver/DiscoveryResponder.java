package io.pulseboard.local.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the discovery requests kubectl makes before anything else: {@code /version}, {@code /api},
 * {@code /api/v1}, {@code /apis}, {@code /apis/<group>} and {@code /apis/<group>/<version>}. The mock server
 * alone answers them with empty lists, and kubectl then knows no resource type at all.
 */
final class DiscoveryResponder {
  /** The Kubernetes version announced; matches the kubectl on this machine so it prints no skew warning. */
  static final String KUBERNETES_MINOR = "32";

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

  private final ObjectMapper mapper = new ObjectMapper();
  private final ResourceCatalog catalog;
  private final String serverAddress;

  DiscoveryResponder(ResourceCatalog catalog, String serverAddress) {
    this.catalog = catalog;
    this.serverAddress = serverAddress;
  }

  /** A JSON answer for a discovery path (no query string), or empty when the path is not a discovery path. */
  Optional<JsonReply> respond(String path) {
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] parts = trimmed.substring(1).split("/");
    if (trimmed.equals("/version")) {
      return ok(version());
    }
    if (trimmed.equals("/api")) {
      return ok(apiVersions());
    }
    if (trimmed.equals("/api/v1")) {
      return ok(resourceList("", "v1"));
    }
    if (trimmed.equals("/apis")) {
      return ok(groupList());
    }
    if (parts[0].equals("openapi")) {
      return Optional.of(JsonReply.notFound("the embedded API server publishes no OpenAPI documents; use --validate=false"));
    }
    if (parts[0].equals("apis") && parts.length == 2) {
      List<String> versions = catalog.groups().get(parts[1]);
      return Optional.of(versions == null ? JsonReply.notFound("no API group " + parts[1])
          : new JsonReply(HttpURLConnection.HTTP_OK, group(parts[1], versions)));
    }
    if (parts[0].equals("apis") && parts.length == 3) {
      List<String> versions = catalog.groups().get(parts[1]);
      return Optional.of(versions == null || !versions.contains(parts[2])
          ? JsonReply.notFound("no API group version " + parts[1] + "/" + parts[2])
          : new JsonReply(HttpURLConnection.HTTP_OK, resourceList(parts[1], parts[2])));
    }
    return Optional.empty();
  }

  private Optional<JsonReply> ok(ObjectNode body) {
    return Optional.of(new JsonReply(HttpURLConnection.HTTP_OK, body));
  }

  private ObjectNode version() {
    ObjectNode v = mapper.createObjectNode();
    v.put("major", "1");
    v.put("minor", KUBERNETES_MINOR);
    v.put("gitVersion", "v1." + KUBERNETES_MINOR + ".0+pulseboard-local");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "none (embedded fabric8 mock server)");
    v.put("compiler", "none");
    v.put("platform", "linux/amd64");
    return v;
  }

  private ObjectNode apiVersions() {
    ObjectNode v = mapper.createObjectNode();
    v.put("kind", "APIVersions");
    v.putArray("versions").add("v1");
    v.putArray("serverAddressByClientCIDRs").addObject()
        .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
    return v;
  }

  private ObjectNode groupList() {
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (Map.Entry<String, List<String>> g : catalog.groups().entrySet()) {
      groups.add(group(g.getKey(), g.getValue()));
    }
    return list;
  }

  private ObjectNode group(String name, List<String> versions) {
    ObjectNode group = mapper.createObjectNode();
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    group.put("name", name);
    ArrayNode list = group.putArray("versions");
    for (String v : versions) {
      list.addObject().put("groupVersion", name + "/" + v).put("version", v);
    }
    group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version", versions.get(0));
    return group;
  }

  private ObjectNode resourceList(String group, String version) {
    ObjectNode list = mapper.createObjectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = list.putArray("resources");
    for (ApiResource r : catalog.of(group, version)) {
      ObjectNode node = resources.addObject();
      node.put("name", r.plural());
      node.put("singularName", r.singular());
      node.put("namespaced", r.namespaced());
      node.put("kind", r.kind());
      VERBS.forEach(node.putArray("verbs")::add);
      if (!r.shortNames().isEmpty()) {
        r.shortNames().forEach(node.putArray("shortNames")::add);
      }
      if (!r.categories().isEmpty()) {
        r.categories().forEach(node.putArray("categories")::add);
      }
      if (r.statusSubresource()) {
        ObjectNode status = resources.addObject();
        status.put("name", r.plural() + "/status");
        status.put("singularName", "");
        status.put("namespaced", r.namespaced());
        status.put("kind", r.kind());
        STATUS_VERBS.forEach(status.putArray("verbs")::add);
      }
    }
    return list;
  }
}
