package io.pulseboard.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ClientCommandTest {
  private static ClientCommand parse(String text) {
    return ClientCommand.parse(JsonMapper.shared(), text);
  }

  @Test
  void readsSubscribeAndUnsubscribe() {
    assertThat(parse("{\"type\":\"subscribe\",\"dashboard\":\"d\",\"panel\":\"p\",\"rangeMs\":3600000}"))
        .isEqualTo(new ClientCommand("subscribe", "d", "p", 3_600_000L));
    assertThat(parse("{\"type\":\"subscribe\",\"dashboard\":\"d\",\"panel\":\"p\"}").rangeMs()).isNull();
    assertThat(parse("{\"type\":\"unsubscribe\",\"panel\":\"p\",\"extra\":1}"))
        .isEqualTo(new ClientCommand("unsubscribe", null, "p", null));
  }

  @Test
  void readsTheVariableValuesOfASubscribe() {
    assertThat(parse("{\"type\":\"subscribe\",\"dashboard\":\"d\",\"panel\":\"p\",\"vars\":{\"country\":\"de\",\"tier\":\"\"}}").vars())
        .isEqualTo(java.util.Map.of("country", "de", "tier", ""));
    assertThat(parse("{\"type\":\"subscribe\",\"dashboard\":\"d\",\"panel\":\"p\"}").vars()).isEmpty();
    assertThatThrownBy(() -> parse("{\"type\":\"subscribe\",\"panel\":\"p\",\"vars\":[\"de\"]}")).hasMessageContaining("vars must be an object");
    assertThatThrownBy(() -> parse("{\"type\":\"subscribe\",\"panel\":\"p\",\"vars\":{\"tier\":1}}")).hasMessage("vars values must be strings");
  }

  @Test
  void refusesWhatIsNotACommand() {
    assertThatThrownBy(() -> parse("not json")).hasMessage("message is not JSON");
    assertThatThrownBy(() -> parse("[1]")).hasMessage("message is not a JSON object");
    assertThatThrownBy(() -> parse("{\"type\":\"sql\",\"panel\":\"p\"}")).hasMessageContaining("subscribe or unsubscribe");
    assertThatThrownBy(() -> parse("{\"type\":\"subscribe\"}")).hasMessage("panel is missing");
    assertThatThrownBy(() -> parse("{\"type\":\"subscribe\",\"panel\":\"p\",\"rangeMs\":\"1h\"}")).hasMessage("rangeMs must be an integer");
  }
}
