package io.pulseboard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidsFileTest {
  @TempDir
  Path dir;

  @Test
  void listsServiceAndRuntimePidsOnePerLineAsTheyChange() throws Exception {
    PidsFile pids = new PidsFile(dir.resolve("pids"));

    pids.addService(30);
    pids.addService(10);
    pids.runtimes(Set.of(20L, 40L));
    assertThat(Files.readAllLines(dir.resolve("pids"))).containsExactly("10", "20", "30", "40");

    pids.runtimes(Set.of(50L));
    assertThat(Files.readAllLines(dir.resolve("pids"))).containsExactly("10", "30", "50");

    pids.delete();
    assertThat(dir.resolve("pids")).doesNotExist();
  }
}
