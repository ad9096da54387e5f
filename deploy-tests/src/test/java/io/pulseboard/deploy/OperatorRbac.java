package io.pulseboard.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.pulseboard.deploy.testing.ApiRequest.Grant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the chart lets the operator do, as (verb, group, resource) grants. */
final class OperatorRbac {
  static final Comparator<Grant> ORDER = Comparator.comparing(Grant::group).thenComparing(Grant::resource)
      .thenComparing(Grant::verb);
  static final Path REVIEWED = Path.of("src/test/resources/rbac/reviewed-grants.txt");

  private OperatorRbac() {}

  /** The grants of the operator's ClusterRole with the default values (watching all namespaces). */
  static Set<Grant> clusterRoleGrants() {
    return grants(HelmChartTest.kinds(Chart.render(null), ClusterRole.class).stream()
        .filter(r -> r.getMetadata().getName().equals("pb-operator"))
        .flatMap(r -> r.getRules().stream()).toList());
  }

  /** Every grant of every Role and ClusterRole bound to the operator, in any of the value sets. */
  static Set<Grant> allOperatorGrants(List<HasMetadata> resources) {
    List<PolicyRule> rules = resources.stream().flatMap(r -> {
      if (r instanceof ClusterRole c && c.getMetadata().getName().startsWith("pb-operator")) {
        return c.getRules().stream();
      }
      if (r instanceof Role role && role.getMetadata().getName().startsWith("pb-operator")) {
        return role.getRules().stream();
      }
      return java.util.stream.Stream.empty();
    }).toList();
    return grants(rules);
  }

  /** The committed, reviewed list: one "verb group resource" a line, # comments, core group as "core". */
  static Set<Grant> reviewed() {
    try {
      return Files.readAllLines(REVIEWED).stream().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.split("\\s+"))
          .map(p -> new Grant(p[0], p[1].equals("core") ? "" : p[1], p[2]))
          .collect(Collectors.toCollection(() -> new TreeSet<>(ORDER)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Grant> grants(List<PolicyRule> rules) {
    Set<Grant> grants = new TreeSet<>(ORDER);
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            grants.add(new Grant(verb, group, resource));
          }
        }
      }
    }
    return grants;
  }
}
