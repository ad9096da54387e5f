package io.pulseboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.StreamContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamContractTest {

  @Test
  void aRollupIsReadFromTheTableTheContractNamesElseFromItsFirstGeneration() {
    StreamContract contract = new StreamContract("checkout", 3, "shop", "checkout", List.of("1m", "1h"), List.of(),
        List.of(), Map.of("1m", "checkout_1m_v3"));

    assertThat(contract.table("1m")).isEqualTo("checkout_1m_v3");
    assertThat(contract.table("1h")).isEqualTo("checkout_1h");
  }

  @Test
  void aContractWrittenBeforeTablesExistedReadsTheFirstGeneration() {
    String json = "{\"name\":\"checkout\",\"schemaVersion\":1,\"database\":\"shop\",\"base\":\"checkout\","
        + "\"granularities\":[\"1m\"],\"dimensions\":[],\"measures\":[]}";

    StreamContract contract = PipelineJson.read(json, StreamContract.class);

    assertThat(contract.table("1m")).isEqualTo("checkout_1m");
    assertThat(PipelineJson.read(PipelineJson.write(contract), StreamContract.class)).isEqualTo(contract);
  }
}
