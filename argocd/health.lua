-- Argo CD health check for Pulseboard's AnalyticsStream and Dashboard (analytics.pulseboard.io).
-- Healthy:     Ready=True and status.observedGeneration equals metadata.generation.
-- Progressing: no status yet, the operator has not seen the latest generation, Ready is Unknown, or
--              Ready=False with a transient reason (the operator retries on its own).
-- Degraded:    Ready=False with any other reason: the spec or a referenced object must change.
-- The transient reasons are the retryable ones of io.pulseboard.operator.status.Reason plus those that
-- only mean "still starting"; deploy-tests checks this list against the enum.
local transient = {
  ConnectionSecretMissing = true,
  ClickHouseUnavailable = true,
  SchemaRejected = true,
  KafkaUnavailable = true,
  SourceTopicMissing = true,
  WorkloadUpdateFailed = true,
  ReconcileError = true,
  IngestStarting = true,
  StreamNotReady = true,
}

local hs = {}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the Pulseboard operator to report a status"
  return hs
end

local generation = obj.metadata.generation
if generation ~= nil and obj.status.observedGeneration ~= generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(generation)
  return hs
end

local ready = nil
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" then
      ready = condition
    end
  end
end

if ready == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the Ready condition"
  return hs
end

local detail = (ready.reason or "") .. ": " .. (ready.message or "")
if ready.status == "True" then
  hs.status = "Healthy"
elseif ready.status == "False" and not transient[ready.reason] then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end
hs.message = detail
return hs
