package io.pulseboard.operator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.operator.testing.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamValidatorTest {
  private static final String KAFKA = "kafka:9092";

  @Test
  void theQuickstartStreamIsValid() {
    assertThat(StreamValidator.problems(Examples.quickstartStream(), KAFKA)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "country` String) ENGINE = Log; DROP DATABASE quickstart; --",
      "country'",
      "coun\"try",
      "`country`",
      "Country",
      "_partition",
      "1country",
      "country name",
      "a_name_that_is_much_longer_than_the_limit_of_fortyeight"})
  void aDimensionNameThatIsNotAnIdentifierIsRejectedByField(String name) {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getDimensions().get(1).setName(name);

    assertThat(StreamValidator.problems(stream, KAFKA)).singleElement().asString()
        .startsWith("spec.dimensions[1].name ");
  }

  @Test
  void sqlInTheDatabaseNameIsRejected() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getClickhouse().setDatabase("quickstart; DROP DATABASE system");

    assertThat(StreamValidator.problems(stream, KAFKA)).singleElement().asString()
        .startsWith("spec.clickhouse.database 'quickstart; DROP DATABASE system' must start with");
  }

  @Test
  void sqlInAMeasureOrFieldNameIsRejected() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getMeasures().get(1).setName("revenue`, sumState(1) AS `x");
    stream.getSpec().getFields().get(2).setName("latency_ms' --");

    assertThat(StreamValidator.problems(stream, KAFKA))
        .anySatisfy(p -> assertThat(p).startsWith("spec.measures[1].name "))
        .anySatisfy(p -> assertThat(p).startsWith("spec.fields[2].name "));
  }

  @Test
  void aStreamNameTooLongForTableNamesIsRejected() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName("checkout-events-from-the-web-shop-and-the-mobile-apps");

    assertThat(StreamValidator.problems(stream, KAFKA)).singleElement().asString()
        .startsWith("metadata.name cannot name ClickHouse tables")
        .contains("characters long");
  }

  @Test
  void aStreamNameStartingWithADigitIsRejected() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName("1checkout");

    assertThat(StreamValidator.problems(stream, KAFKA)).singleElement().asString()
        .startsWith("metadata.name");
  }

  @Test
  void dashesInTheStreamNameAreFine() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName("web-checkout");

    assertThat(StreamValidator.problems(stream, KAFKA)).isEmpty();
  }

  @Test
  void aMeasureMustReadADeclaredColumnOfASuitableType() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getMeasures().get(1).setField("missing");
    stream.getSpec().getMeasures().get(3).setField("user_id");

    assertThat(StreamValidator.problems(stream, KAFKA)).containsExactly(
        "spec.measures[1].field 'missing' is not a declared field or dimension",
        "spec.measures[3]: quantiles cannot read user_id of type string");
  }

  @Test
  void quantilesMustLieBetweenZeroAndOne() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getMeasures().get(3).setQuantiles(List.of(0.5, 1.5));

    assertThat(StreamValidator.problems(stream, KAFKA)).singleElement().asString()
        .startsWith("spec.measures[3].quantiles");
  }

  @Test
  void namesMustBeUnique() {
    AnalyticsStream stream = Examples.quickstartStream();
    MeasureSpec clash = new MeasureSpec();
    clash.setName("country");
    clash.setAggregate(Aggregate.count);
    stream.getSpec().getMeasures().add(clash);
    stream.getSpec().getFields().get(0).setName("platform");

    assertThat(StreamValidator.problems(stream, KAFKA)).containsExactly(
        "spec.fields[0].name 'platform' is declared twice",
        "spec.measures[1].field 'amount' is not a declared field or dimension",
        "spec.measures[4].name 'country' is already the name of another measure, dimension or field");
  }

  @Test
  void lowCardinalityAppliesToStringsOnly() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getSpec().getDimensions().get(0).setType(FieldType.int64);

    assertThat(StreamValidator.problems(stream, KAFKA))
        .containsExactly("spec.dimensions[0].lowCardinality applies to string dimensions only");
  }

  @Test
  void aStreamWithoutBootstrapServersNeedsTheOperatorDefault() {
    assertThat(StreamValidator.problems(Examples.quickstartStream(), null)).singleElement().asString()
        .startsWith("spec.source.kafka.bootstrapServers is not set");
  }
}
