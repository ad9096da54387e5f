package io.pulseboard.operator.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The operator's version: the jar manifest's Implementation-Version, else the build's version.properties. */
public final class OperatorVersion {
  private static final String RESOURCE = "/io/pulseboard/operator/version.properties";

  private OperatorVersion() {}

  public static String current() {
    String fromManifest = OperatorVersion.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : fromResource();
  }

  private static String fromResource() {
    try (InputStream in = OperatorVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
