package io.pulseboard.operator.stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
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
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseRejectedException;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.clickhouse.ConsistencySchedule;
import io.pulseboard.operator.clickhouse.ClickHouseUnavailableException;
import io.pulseboard.operator.clickhouse.IngestRollout;
import io.pulseboard.operator.clickhouse.RetentionSchedule;
import io.pulseboard.operator.clickhouse.SchemaApplier;
import io.pulseboard.operator.clickhouse.SchemaState;
import io.pulseboard.operator.clickhouse.StreamSchema;
import io.pulseboard.operator.clickhouse.StreamSchemas;
import io.pulseboard.operator.clickhouse.TopologyMismatchException;
import io.pulseboard.operator.clickhouse.UnsafeSchemaChangeException;
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
import java.util.OptionalInt;
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
public class AnalyticsStreamReconciler implements Reconciler<AnalyticsStream>, Cleaner<AnalyticsStream> {
  public static final String NAME = "analyticsstream";
  public static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  /** How often a running schema change looks at the ingest rollout (Deployment events also trigger it). */
  public static final Duration SCHEMA_CHANGE_POLL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsStreamReconciler.class);

  private final OperatorConfig config;
  private final SchemaApplier schema;
  private final KafkaAdminService kafka;
  private final RetentionSchedule retention;
  private final StreamCleanup cleanup;
  private final FreshnessProbe freshness;
  private final ConsistencySchedule consistency;
  private final Clock clock;

  public AnalyticsStreamReconciler(OperatorConfig config, SchemaApplier schema, KafkaAdminService kafka,
      ClickHouseService clickhouse, RetentionSchedule retention, ConsistencySchedule consistency,
      StreamCleanup cleanup, Clock clock) {
    this.config = config;
    this.schema = schema;
    this.kafka = kafka;
    this.retention = retention;
    this.cleanup = cleanup;
    this.freshness = new FreshnessProbe(clickhouse, kafka);
    this.consistency = consistency;
    this.clock = clock;
  }

  @Override
  public UpdateControl<AnalyticsStream> reconcile(AnalyticsStream stream, Context<AnalyticsStream> context) {
    StreamOutcome outcome = converge(stream, context);
    AnalyticsStreamStatus next = StreamStatuses.next(stream, outcome,
        context.getSecondaryResource(Deployment.class), outcome.freshness(), clock.instant());
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
    if (outcome.blocked() != null) {
      return outcome.blocked().reason().retryable() ? control.rescheduleAfter(RETRY_AFTER) : control;
    }
    // a running schema change waits on the rollout; freshness and retention change without any event
    return control.rescheduleAfter(outcome.schemaChanging() ? SCHEMA_CHANGE_POLL : config.recheckInterval());
  }

  @Override
  public DeleteControl cleanup(AnalyticsStream stream, Context<AnalyticsStream> context) {
    return cleanup.cleanup(stream, context.getClient())
        ? DeleteControl.defaultDelete()
        : DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_AFTER);
  }

  @Override
  public ErrorStatusUpdateControl<AnalyticsStream> updateErrorStatus(AnalyticsStream stream,
      Context<AnalyticsStream> context, Exception e) {
    LOG.warn("Reconcile failed", e);
    Problem problem = new Problem(Reason.ReconcileError, String.valueOf(e.getMessage()));
    AnalyticsStreamStatus next = StreamStatuses.next(stream, StreamOutcome.blockedBeforeSchema(problem),
        context.getSecondaryResource(Deployment.class), null, clock.instant());
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
    StreamOutcome outcome;
    ClickHouseConnection connection;
    try {
      connection =
          ConnectionSecrets.read(context.getClient(), namespace, spec.getClickhouse().getConnectionSecret());
      IngestRollout rollout = IngestRollouts.read(context.getClient(), namespace, stream.getMetadata().getName(),
          context.getSecondaryResource(Deployment.class));
      SchemaState state = applySchema(connection, names, spec, rollout);
      outcome = new StreamOutcome(null, tables(names, state), state);
      if (!state.changing()) {
        // both read the serving tables; during a change those are about to move
        StreamSchema serving = StreamSchemas.of(names, spec, state.appliedVersion()).withRollupTables(state.rollups());
        retention.runIfDue(connection, serving, state.serverVersion(), clock.instant());
        outcome = outcome.withConsistency(consistency.latest(connection, serving, clock.instant()).orElse(null));
      }
    } catch (ReconcileProblem p) {
      return StreamOutcome.blockedBeforeSchema(new Problem(p.reason(), p.getMessage()));
    }
    try {
      // the version the workers write; while a newer spec waits for a running change, the workload stays as is
      OptionalInt ingestVersion = outcome.schema().ingestVersion();
      IngestPipeline pipeline = IngestPipelines.of(stream, config.defaultKafkaBootstrap(),
          ingestVersion.orElse(outcome.schema().appliedVersion()), connection.topology());
      checkTopics(pipeline);
      if (ingestVersion.isPresent()) {
        writeWorkload(stream, pipeline, context);
      }
      return outcome.withFreshness(freshness.measure(connection, names, pipeline));
    } catch (ReconcileProblem p) {
      return outcome.blockedBy(new Problem(p.reason(), p.getMessage()));
    }
  }

  private SchemaState applySchema(ClickHouseConnection connection, StreamNames names, AnalyticsStreamSpec spec,
      IngestRollout rollout) {
    try {
      return schema.apply(connection, names, spec, rollout);
    } catch (ClickHouseUnavailableException e) {
      throw new ReconcileProblem(Reason.ClickHouseUnavailable, e.getMessage(), e);
    } catch (ClickHouseRejectedException e) {
      throw new ReconcileProblem(Reason.SchemaRejected, e.getMessage(), e);
    } catch (UnsafeSchemaChangeException e) {
      throw new ReconcileProblem(Reason.UnsafeSchemaChange, e.getMessage(), e);
    } catch (TopologyMismatchException e) {
      // the Secret is what is wrong (tables are not moved): retried, so fixing the Secret heals the stream
      throw new ReconcileProblem(Reason.ConnectionSecretMissing, e.getMessage(), e);
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

  /** The tables queries read: raw and the complete generation of each rollup. */
  private static Map<String, String> tables(StreamNames names, SchemaState state) {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("raw", names.qualified(names.raw()));
    for (Granularity g : Granularity.values()) {
      if (state.rollups().containsKey(g)) {
        tables.put(g.label(), names.qualified(state.rollups().get(g)));
      }
    }
    return tables;
  }
}
