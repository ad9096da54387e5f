CREATE DATABASE IF NOT EXISTS `quickstart` ON CLUSTER `analytics`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_raw_local` ON CLUSTER `analytics`
(
    `_time` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `amount` Float64 CODEC(ZSTD(1)),
    `user_id` String CODEC(ZSTD(1)),
    `latency_ms` Float64 CODEC(ZSTD(1)),
    `_partition` Int32 CODEC(ZSTD(1)),
    `_offset` Int64 CODEC(ZSTD(1)),
    `_ingested_at` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `_schema_version` UInt32 CODEC(ZSTD(1))
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/quickstart/checkout_raw_local', '{replica}')
PARTITION BY toYYYYMMDD(`_time`)
ORDER BY (`country`, `platform`, `_time`)
TTL `_time` + INTERVAL 7 DAY;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_raw` ON CLUSTER `analytics`
(
    `_time` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `amount` Float64,
    `user_id` String,
    `latency_ms` Float64,
    `_partition` Int32,
    `_offset` Int64,
    `_ingested_at` DateTime('UTC'),
    `_schema_version` UInt32
)
ENGINE = Distributed(`analytics`, `quickstart`, `checkout_raw_local`, `_partition`);

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1m_local` ON CLUSTER `analytics`
(
    `_bucket` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `events` AggregateFunction(count) CODEC(ZSTD(1)),
    `revenue` AggregateFunction(sum, Float64) CODEC(ZSTD(1)),
    `buyers` AggregateFunction(uniqHLL12, String) CODEC(ZSTD(1)),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64) CODEC(ZSTD(1))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/quickstart/checkout_1m_local', '{replica}')
PARTITION BY toYYYYMMDD(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`)
TTL `_bucket` + INTERVAL 30 DAY;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1m` ON CLUSTER `analytics`
(
    `_bucket` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `events` AggregateFunction(count),
    `revenue` AggregateFunction(sum, Float64),
    `buyers` AggregateFunction(uniqHLL12, String),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)
)
ENGINE = Distributed(`analytics`, `quickstart`, `checkout_1m_local`, rand());

CREATE MATERIALIZED VIEW IF NOT EXISTS `quickstart`.`checkout_1m_mv_v1` ON CLUSTER `analytics`
TO `quickstart`.`checkout_1m_local`
AS SELECT
    toStartOfMinute(`_time`) AS `_bucket`,
    `country`,
    `platform`,
    countState() AS `events`,
    sumState(`amount`) AS `revenue`,
    uniqHLL12State(`user_id`) AS `buyers`,
    quantilesTDigestState(0.5, 0.9, 0.99)(`latency_ms`) AS `latency`
FROM `quickstart`.`checkout_raw_local`
WHERE `_schema_version` = 1
GROUP BY `_bucket`, `country`, `platform`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1h_local` ON CLUSTER `analytics`
(
    `_bucket` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `events` AggregateFunction(count) CODEC(ZSTD(1)),
    `revenue` AggregateFunction(sum, Float64) CODEC(ZSTD(1)),
    `buyers` AggregateFunction(uniqHLL12, String) CODEC(ZSTD(1)),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64) CODEC(ZSTD(1))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/quickstart/checkout_1h_local', '{replica}')
PARTITION BY toYYYYMMDD(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`)
TTL `_bucket` + INTERVAL 365 DAY;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1h` ON CLUSTER `analytics`
(
    `_bucket` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `events` AggregateFunction(count),
    `revenue` AggregateFunction(sum, Float64),
    `buyers` AggregateFunction(uniqHLL12, String),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)
)
ENGINE = Distributed(`analytics`, `quickstart`, `checkout_1h_local`, rand());

CREATE MATERIALIZED VIEW IF NOT EXISTS `quickstart`.`checkout_1h_mv_v1` ON CLUSTER `analytics`
TO `quickstart`.`checkout_1h_local`
AS SELECT
    toStartOfHour(`_time`) AS `_bucket`,
    `country`,
    `platform`,
    countState() AS `events`,
    sumState(`amount`) AS `revenue`,
    uniqHLL12State(`user_id`) AS `buyers`,
    quantilesTDigestState(0.5, 0.9, 0.99)(`latency_ms`) AS `latency`
FROM `quickstart`.`checkout_raw_local`
WHERE `_schema_version` = 1
GROUP BY `_bucket`, `country`, `platform`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1d_local` ON CLUSTER `analytics`
(
    `_bucket` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `events` AggregateFunction(count) CODEC(ZSTD(1)),
    `revenue` AggregateFunction(sum, Float64) CODEC(ZSTD(1)),
    `buyers` AggregateFunction(uniqHLL12, String) CODEC(ZSTD(1)),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64) CODEC(ZSTD(1))
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/quickstart/checkout_1d_local', '{replica}')
PARTITION BY toYYYYMM(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`);

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1d` ON CLUSTER `analytics`
(
    `_bucket` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `events` AggregateFunction(count),
    `revenue` AggregateFunction(sum, Float64),
    `buyers` AggregateFunction(uniqHLL12, String),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)
)
ENGINE = Distributed(`analytics`, `quickstart`, `checkout_1d_local`, rand());

CREATE MATERIALIZED VIEW IF NOT EXISTS `quickstart`.`checkout_1d_mv_v1` ON CLUSTER `analytics`
TO `quickstart`.`checkout_1d_local`
AS SELECT
    toStartOfDay(`_time`) AS `_bucket`,
    `country`,
    `platform`,
    countState() AS `events`,
    sumState(`amount`) AS `revenue`,
    uniqHLL12State(`user_id`) AS `buyers`,
    quantilesTDigestState(0.5, 0.9, 0.99)(`latency_ms`) AS `latency`
FROM `quickstart`.`checkout_raw_local`
WHERE `_schema_version` = 1
GROUP BY `_bucket`, `country`, `platform`;
