package io.pulseboard.local.runner;

import java.nio.file.Path;

/**
 * Maps a container image to the runnable jar built in this repository: the image's last path segment
 * ({@code ghcr.io/pulseboard/runtime-ingest:0.1.0} gives {@code runtime-ingest}) names the module, whose
 * build writes {@code <module>/target/pulseboard-<module>-<version>-exec.jar}.
 */
final class RuntimeJars {
  private final Path repoRoot;
  private final String version;

  RuntimeJars(Path repoRoot, String version) {
    this.repoRoot = repoRoot;
    this.version = version;
  }

  Path jarFor(String image) {
    String module = module(image);
    return repoRoot.resolve(module).resolve("target").resolve("pulseboard-" + module + "-" + version + "-exec.jar");
  }

  static String module(String image) {
    String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    String name = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
    int tag = name.indexOf(':');
    String module = tag < 0 ? name : name.substring(0, tag);
    if (!module.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("cannot map image " + image + " to a module of this repository");
    }
    return module;
  }
}
