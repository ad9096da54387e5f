package io.pulseboard.local.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The resource types the server knows right now: the built-in ones and every served version of every stored
 * CustomResourceDefinition. Read on each discovery request, so a CRD applied with kubectl shows up at once.
 */
final class ResourceCatalog {
  private final Supplier<List<CustomResourceDefinition>> storedCrds;

  ResourceCatalog(Supplier<List<CustomResourceDefinition>> storedCrds) {
    this.storedCrds = storedCrds;
  }

  List<ApiResource> all() {
    List<ApiResource> all = new ArrayList<>(BuiltInResources.LIST);
    for (CustomResourceDefinition crd : storedCrds.get()) {
      all.addAll(fromCrd(crd));
    }
    return all;
  }

  /** The resources of one group version, in catalog order. */
  List<ApiResource> of(String group, String version) {
    return all().stream().filter(r -> r.group().equals(group) && r.version().equals(version)).toList();
  }

  /** Named groups (not the core group) with their versions, built-in groups first. */
  Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ApiResource r : all()) {
      if (!r.group().isEmpty()) {
        List<String> versions = groups.computeIfAbsent(r.group(), g -> new ArrayList<>());
        if (!versions.contains(r.version())) {
          versions.add(r.version());
        }
      }
    }
    return groups;
  }

  /** The printer columns a CRD declares for one version, if the type is a custom resource. */
  Optional<CustomResourceDefinitionVersion> crdVersion(String group, String version, String plural) {
    for (CustomResourceDefinition crd : storedCrds.get()) {
      if (crd.getSpec().getGroup().equals(group) && crd.getSpec().getNames().getPlural().equals(plural)) {
        return crd.getSpec().getVersions().stream().filter(v -> v.getName().equals(version)).findFirst();
      }
    }
    return Optional.empty();
  }

  private static List<ApiResource> fromCrd(CustomResourceDefinition crd) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
    String singular = names.getSingular() != null ? names.getSingular() : names.getKind().toLowerCase();
    List<ApiResource> resources = new ArrayList<>();
    for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
      if (Boolean.FALSE.equals(v.getServed())) {
        continue;
      }
      boolean status = v.getSubresources() != null && v.getSubresources().getStatus() != null;
      resources.add(new ApiResource(crd.getSpec().getGroup(), v.getName(), names.getPlural(), singular,
          names.getKind(), namespaced, names.getShortNames(), names.getCategories(), status));
    }
    return resources;
  }
}
