package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.AnalyticsStreamStatus;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseRejectedException;
import io.pulseboard.operator.clickhouse.ClickHouseUnavailableException;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.StreamSchema;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.clickhouse.UnsupportedSchemaChangeException;
import io.pulseboard.operator.config.OperatorConfig;
import io.pulseboard.operator.kafka.KafkaAdminService;
import io.pulseboard.operator.kafka.KafkaUnavailableException;
import io.pulseboard.operator.status.Problem;
import io.pulseboard.operator.status.Reason;
import io.pulseboard.operator.status.ReconcileProblem;
import io.pulseboard.operator.status.StatusDiff;
import io.pulseboard.operator.tenancy.NamespaceBoundaries;
import io.pulseboard.operator.workload.WorkloadLabels;
import io.pulseboard.operator.workload.WorkloadSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles an AnalyticsStream in steps, each of which must succeed before the next runs: validate the
 * spec, read the connection Secret, bring the ClickHouse schema in place, check the source topic and
 * create the dead-letter topic, then write the ingest ConfigMap and Deployment (the managed workflow,
 * invoked explicitly so that nothing is written for an invalid spec). The first failing step decides the
 * Ready condition; a retryable one is looked at again after {@link #RETRY_AFTER}.
 */
@ControllerConfiguration(name = AnalyticsStreamReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = IngestConfigMapDependentResource.NAME, type = IngestConfigMapDependentResource.class),
    @Dependent(name = IngestDeploymentDependentResource.NAME, type = IngestDeploymentDependentResource.class,
        dependsOn = IngestConfigMapDependentResource.NAME)})
public class AnalyticsStreamReconciler implements Reconciler<AnalyticsStream> {
  public static final String NAME = "analyticsstream";
  public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsStreamReconciler.class);

  private final OperatorConfig config;
  private final SchemaApplier schema;
  private final KafkaAdminService kafka;
  private final Clock clock;

  public AnalyticsStreamReconciler(OperatorConfig config, SchemaApplier schema, KafkaAdminService kafka,
      Clock clock) {
    this.config = config;
    this.schema = schema;
    this.kafka = kafka;
    this.clock = clock;
  }

  @Override
  public UpdateControl<AnalyticsStream> reconcile(AnalyticsStream stream, Context<AnalyticsStream> context) {
    StreamOutcome outcome = converge(stream, context);
    AnalyticsStreamStatus next = StreamStatuses.next(stream, outcome,
        context.getSecondaryResource(Deployment.class), clock.instant());
    UpdateControl<AnalyticsStream> control;
    if (StatusDiff.same(stream.getStatus(), next)) {
      control = UpdateControl.noUpdate();
    } else {
      if (outcome.blocked() != null) {
        LOG.info("Stream not ready: {}: {}", outcome.blocked().reason(), outcome.blocked().message());
      }
      stream.setStatus(next);
      control = UpdateControl.patchStatus(stream);
    }
    return outcome.blocked() != null && outcome.blocked().reason().retryable()
        ? control.rescheduleAfter(RETRY_AFTER)
        : control;
  }

  @Override
  public ErrorStatusUpdateControl<AnalyticsStream> updateErrorStatus(AnalyticsStream stream,
      Context<AnalyticsStream> context, Exception e) {
    LOG.warn("Reconcile failed", e);
    Problem problem = new Problem(Reason.ReconcileError, String.valueOf(e.getMessage()));
    AnalyticsStreamStatus next = StreamStatuses.next(stream, StreamOutcome.blockedBeforeSchema(problem),
        context.getSecondaryResource(Deployment.class), clock.instant());
    if (StatusDiff.same(stream.getStatus(), next)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    stream.setStatus(next);
    return ErrorStatusUpdateControl.patchStatus(stream);
  }

  private StreamOutcome converge(AnalyticsStream stream, Context<AnalyticsStream> context) {
    Optional<Problem> outOfBounds = NamespaceBoundaries.check(stream, config.databasePolicy());
    if (outOfBounds.isPresent()) {
      return StreamOutcome.blockedBeforeSchema(outOfBounds.get());
    }
    List<String> problems = StreamValidator.problems(stream, config.defaultKafkaBootstrap());
    if (!problems.isEmpty()) {
      return StreamOutcome.blockedBeforeSchema(new Problem(Reason.InvalidSpec, String.join("; ", problems)));
    }
    AnalyticsStreamSpec spec = stream.getSpec();
    String namespace = stream.getMetadata().getNamespace();
    StreamNames names = StreamNames.of(spec.getClickhouse().getDatabase(), stream.getMetadata().getName());
    StreamSchema streamSchema = StreamSchemas.of(names, spec, IngestPipelines.SCHEMA_VERSION);
    StreamOutcome outcome;
    try {
      ClickHouseConnection connection =
          ConnectionSecrets.read(context.getClient(), namespace, spec.getClickhouse().getConnectionSecret());
      String serverVersion = applySchema(connection, streamSchema);
      outcome = new StreamOutcome(null, tables(names, streamSchema), serverVersion);
    } catch (ReconcileProblem p) {
      return StreamOutcome.blockedBeforeSchema(new Problem(p.reason(), p.getMessage()));
    }
    try {
      IngestPipeline pipeline = IngestPipelines.of(stream, config.defaultKafkaBootstrap());
      checkTopics(pipeline);
      writeWorkload(stream, pipeline, context);
      return outcome;
    } catch (ReconcileProblem p) {
      return outcome.blockedBy(new Problem(p.reason(), p.getMessage()));
    }
  }

  private String applySchema(ClickHouseConnection connection, StreamSchema streamSchema) {
    try {
      return schema.apply(connection, streamSchema);
    } catch (ClickHouseUnavailableException e) {
      throw new ReconcileProblem(Reason.ClickHouseUnavailable, e.getMessage(), e);
    } catch (ClickHouseRejectedException e) {
      throw new ReconcileProblem(Reason.SchemaRejected, e.getMessage(), e);
    } catch (UnsupportedSchemaChangeException e) {
      throw new ReconcileProblem(Reason.UnsupportedSchemaChange, e.getMessage(), e);
    }
  }

  private void checkTopics(IngestPipeline pipeline) {
    boolean sourceExists;
    try {
      sourceExists = kafka.ensureTopics(pipeline.bootstrapServers(), pipeline.topic(), pipeline.deadLetterTopic());
    } catch (KafkaUnavailableException e) {
      throw new ReconcileProblem(Reason.KafkaUnavailable, e.getMessage(), e);
    }
    if (!sourceExists) {
      throw new ReconcileProblem(Reason.SourceTopicMissing, "topic " + pipeline.topic() + " does not exist on "
          + pipeline.bootstrapServers() + "; checking again every " + RETRY_AFTER.toSeconds() + " s");
    }
  }

  private void writeWorkload(AnalyticsStream stream, IngestPipeline pipeline, Context<AnalyticsStream> context) {
    String name = stream.getMetadata().getName();
    WorkloadSpec workload = new WorkloadSpec(name + "-ingest", stream.getMetadata().getNamespace(),
        WorkloadLabels.INGEST, name, "ingest", config.ingestImage(), IngestPipelines.replicas(stream.getSpec()),
        IngestPipeline.FILE, PipelineJson.write(pipeline), stream.getSpec().getClickhouse().getConnectionSecret(),
        null);
    var workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(WorkloadSpec.class, workload);
    try {
      workflow.reconcileManagedWorkflow();
    } catch (RuntimeException e) {
      throw new ReconcileProblem(Reason.WorkloadUpdateFailed, "writing the ingest workload failed: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> tables(StreamNames names, StreamSchema streamSchema) {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("raw", names.qualified(streamSchema.raw().name()));
    streamSchema.rollups().forEach(r -> tables.put(r.granularity().label(), names.qualified(r.name())));
    return tables;
  }
}
