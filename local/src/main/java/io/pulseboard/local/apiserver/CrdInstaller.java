package io.pulseboard.local.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the CRDs that fabric8's CRD generator put on the class path as {@code META-INF/fabric8/*-v1.yml}
 * (pulseboard-api's jar, or the fat jar of local mode).
 */
public final class CrdInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);
  private static final String FOLDER = "META-INF/fabric8/";
  private static final String SUFFIX = "-v1.yml";

  private CrdInstaller() {}

  /** Creates or replaces every CRD found; returns their names. */
  public static List<String> install(KubernetesClient client, ClassLoader classLoader) {
    List<String> installed = new ArrayList<>();
    for (String resource : crdResources(classLoader)) {
      try (InputStream in = classLoader.getResourceAsStream(resource)) {
        CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(NonDeletingOperation::update);
        installed.add(crd.getMetadata().getName());
        LOG.info("installed CRD {}", crd.getMetadata().getName());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    if (installed.isEmpty()) {
      throw new IllegalStateException("no CRD found on the class path under " + FOLDER);
    }
    return installed;
  }

  /** Class path names of the CRD files, from jars and from class folders. */
  static List<String> crdResources(ClassLoader classLoader) {
    List<String> names = new ArrayList<>();
    try {
      for (URL folder : Collections.list(classLoader.getResources(FOLDER))) {
        if (folder.getProtocol().equals("jar")) {
          JarFile jar = ((JarURLConnection) folder.openConnection()).getJarFile();
          for (JarEntry entry : Collections.list(jar.entries())) {
            if (isCrd(entry.getName())) {
              names.add(entry.getName());
            }
          }
        } else if (folder.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            files.map(f -> FOLDER + f.getFileName()).filter(CrdInstaller::isCrd).forEach(names::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + FOLDER, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names.stream().distinct().sorted().toList();
  }

  private static boolean isCrd(String name) {
    return name.startsWith(FOLDER) && name.endsWith(SUFFIX) && name.indexOf('/', FOLDER.length()) < 0;
  }
}
