package io.pulseboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's CRD reference is what the CRDs say. To refresh it after a CRD change, run this test with
 * -Dpulseboard.updateReadme=true and commit README.md.
 */
class CrdReferenceTest {
  private static final Path README = Path.of("../README.md");

  @Test
  void everyFieldHasADescription() throws IOException {
    CrdReference reference = new CrdReference();
    reference.markdown(CrdReference.committedCrds());
    assertThat(reference.undescribed()).as("fields without a description (kubectl explain prints it)").isEmpty();
  }

  @Test
  void theReadmeReferenceIsGeneratedFromTheCommittedCrds() throws IOException {
    String generated = new CrdReference().markdown(CrdReference.committedCrds());
    String readme = Files.readString(README);
    String expected = CrdReference.replaceBlock(readme, generated);
    if (Boolean.getBoolean("pulseboard.updateReadme")) {
      Files.writeString(README, expected);
    }
    assertThat(readme).as("README.md's CRD reference is stale: run mvn -pl deploy-tests test"
        + " -Dtest=CrdReferenceTest -Dpulseboard.updateReadme=true and commit README.md").isEqualTo(expected);
  }
}
