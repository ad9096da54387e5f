package io.pulseboard.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void mergesContainersByNameAndKeepsTheOnesThePatchDoesNotMention() throws Exception {
    JsonNode current = json("{'spec':{'containers':[{'name':'a','image':'x:1','env':[{'name':'A','value':'1'}]},"
        + "{'name':'b','image':'y'}]}}");
    JsonNode patch = json("{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],"
        + "'containers':[{'name':'a','image':'x:2'}]}}");

    JsonNode merged = JsonMergePatch.apply(current, StrategicMergePatch.toMergePatch(current, patch));

    assertThat(merged).isEqualTo(json("{'spec':{'containers':[{'name':'a','image':'x:2','env':[{'name':'A','value':'1'}]},"
        + "{'name':'b','image':'y'}]}}"));
  }

  @Test
  void deletesListItemsMarkedWithPatchDeleteAndFieldsSetToNull() throws Exception {
    JsonNode current = json("{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'data':{'k':'v','gone':'x'}}");
    JsonNode patch = json("{'env':[{'name':'B','$patch':'delete'}],'data':{'gone':null}}");

    JsonNode merged = JsonMergePatch.apply(current, StrategicMergePatch.toMergePatch(current, patch));

    assertThat(merged).isEqualTo(json("{'env':[{'name':'A','value':'1'}],'data':{'k':'v'}}"));
  }

  @Test
  void replacesListsWithoutAMergeKeyAndMergesFinalizersAsASet() throws Exception {
    JsonNode current = json("{'args':['--a','--b'],'metadata':{'finalizers':['x']}}");
    JsonNode patch = json("{'args':['--c'],'metadata':{'finalizers':['y'],'$deleteFromPrimitiveList/finalizers':['x']}}");

    JsonNode merged = JsonMergePatch.apply(current, StrategicMergePatch.toMergePatch(current, patch));

    assertThat(merged).isEqualTo(json("{'args':['--c'],'metadata':{'finalizers':['y']}}"));
  }

  @Test
  void theJsonPatchSentToTheStoreReplacesListsInsteadOfAppending() throws Exception {
    JsonNode current = json("{'spec':{'panels':[{'id':'a'},{'id':'b'}]},'status':{'x':1}}");

    JsonNode ops = PatchTranslator.fromMergePatch(current, json("{'spec':{'panels':[{'id':'c'}]},'status':null}"));

    assertThat(ops).isEqualTo(json("[{'op':'add','path':'/spec','value':{'panels':[{'id':'c'}]}},"
        + "{'op':'remove','path':'/status'}]"));
  }

  private JsonNode json(String singleQuoted) throws Exception {
    return mapper.readTree(singleQuoted.replace('\'', '"'));
  }
}
