package io.pulseboard.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Parses rendered manifests into fabric8's typed model and refuses anything the model does not know. The
 * fabric8 model keeps unknown fields in additionalProperties instead of failing, so besides
 * FAIL_ON_UNKNOWN_PROPERTIES every parsed object is walked and must have none: a misspelt key
 * (e.g. readinesProbe) or one at the wrong depth fails here as it would fail kubectl's strict validation.
 */
final class StrictManifests {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), true);

  private StrictManifests() {}

  static List<HasMetadata> parse(String multiDocumentYaml) {
    List<HasMetadata> resources = new ArrayList<>();
    for (String document : multiDocumentYaml.split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
        continue;
      }
      HasMetadata resource = SERIALIZATION.unmarshal(document, HasMetadata.class);
      if (resource instanceof GenericKubernetesResource generic) {
        throw new AssertionError(generic.getApiVersion() + " " + generic.getKind()
            + " has no typed fabric8 model, so it cannot be checked strictly:\n" + document);
      }
      List<String> unknown = new ArrayList<>();
      walk(resource, resource.getKind(), unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
      if (!unknown.isEmpty()) {
        throw new AssertionError(resource.getKind() + " " + resource.getMetadata().getName()
            + " has fields the Kubernetes model does not know: " + unknown + "\n" + document);
      }
      resources.add(resource);
    }
    return resources;
  }

  private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
      return;
    }
    if (!(value instanceof KubernetesResource)) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      Object child = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
        continue;
      }
      walk(child, path + "." + decapitalize(getter.getName().substring(3)), unknown, seen);
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(getter + " failed", e);
    }
  }

  private static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
