package io.pulseboard.local;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code .pulseboard/pids}: every child process local mode runs, one PID per line, rewritten whenever the set
 * changes. {@code ./pulseboard down} kills what is left in it if local mode itself could not stop them.
 */
final class PidsFile {
  private final Path file;
  private final Set<Long> services = new TreeSet<>();
  private final Set<Long> runtimes = new TreeSet<>();

  PidsFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  synchronized void addService(long pid) {
    services.add(pid);
    write();
  }

  synchronized void runtimes(Set<Long> pids) {
    runtimes.clear();
    runtimes.addAll(pids);
    write();
  }

  synchronized void delete() {
    StateFiles.delete(file);
  }

  private void write() {
    Set<Long> all = new TreeSet<>(services);
    all.addAll(runtimes);
    StateFiles.write(file, all.stream().map(String::valueOf).collect(Collectors.joining("\n", "", all.isEmpty() ? "" : "\n")));
  }
}
