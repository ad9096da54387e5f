package io.pulseboard.deploy.testing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request the API server received, and the RBAC (verb, group, resource) it needs. */
public record ApiRequest(String method, String path, String userAgent) {
  // /api/v1/... or /apis/<group>/<version>/..., then optional namespaces/<ns>, the resource, name, subresource
  private static final Pattern RESOURCE_PATH = Pattern.compile(
      "^/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)(?:/namespaces/[^/]+)?/(?<resource>[^/?]+)"
          + "(?:/(?<name>[^/?]+)(?:/(?<sub>[^/?]+))?)?(?:\\?(?<query>.*))?$");

  /** The grant this request needs, or empty for discovery and other non-resource paths. */
  public Optional<Grant> grant() {
    Matcher m = RESOURCE_PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    String group = m.group("group") == null ? "" : m.group("group");
    String resource = m.group("resource");
    if (m.group("name") == null && "namespaces".equals(resource)) {
      return Optional.of(new Grant(verb(false, m.group("query")), group, resource));
    }
    if (m.group("sub") != null) {
      resource = resource + "/" + m.group("sub");
    }
    return Optional.of(new Grant(verb(m.group("name") != null, m.group("query")), group, resource));
  }

  private String verb(boolean named, String query) {
    return switch (method) {
      case "GET" -> named ? "get" : query != null && query.matches("(.*&)?watch=(true|1)(&.*)?") ? "watch" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** An RBAC permission: a verb on a resource (with subresource, as RBAC writes it) of an API group. */
  public record Grant(String verb, String group, String resource) {
    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "core" : group) + " " + resource;
    }
  }
}
