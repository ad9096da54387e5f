package io.pulseboard.local.apiserver;

import java.util.List;

/**
 * One resource type as discovery documents describe it.
 *
 * @param group API group, empty for the core group
 * @param version group version such as v1
 * @param plural the URL segment and the name kubectl matches
 * @param singular singular name
 * @param kind the kind
 * @param namespaced whether objects live in a namespace
 * @param shortNames abbreviations such as cm or deploy
 * @param categories groups of types such as all
 * @param statusSubresource whether {@code <plural>/status} exists
 */
public record ApiResource(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean statusSubresource) {

  public ApiResource {
    shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** {@code group/version}, or just the version for the core group. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
