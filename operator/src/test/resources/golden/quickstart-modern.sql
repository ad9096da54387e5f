CREATE DATABASE IF NOT EXISTS `quickstart`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_raw`
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
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(`_time`)
ORDER BY (`country`, `platform`, `_time`)
TTL `_time` + INTERVAL 7 DAY;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1m`
(
    `_bucket` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `events` AggregateFunction(count) CODEC(ZSTD(1)),
    `revenue` AggregateFunction(sum, Float64) CODEC(ZSTD(1)),
    `buyers` AggregateFunction(uniqHLL12, String) CODEC(ZSTD(1)),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64) CODEC(ZSTD(1))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`)
TTL `_bucket` + INTERVAL 30 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS `quickstart`.`checkout_1m_mv_v1`
TO `quickstart`.`checkout_1m`
AS SELECT
    toStartOfMinute(`_time`) AS `_bucket`,
    `country`,
    `platform`,
    countState() AS `events`,
    sumState(`amount`) AS `revenue`,
    uniqHLL12State(`user_id`) AS `buyers`,
    quantilesTDigestState(0.5, 0.9, 0.99)(`latency_ms`) AS `latency`
FROM `quickstart`.`checkout_raw`
WHERE `_schema_version` = 1
GROUP BY `_bucket`, `country`, `platform`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1h`
(
    `_bucket` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `events` AggregateFunction(count) CODEC(ZSTD(1)),
    `revenue` AggregateFunction(sum, Float64) CODEC(ZSTD(1)),
    `buyers` AggregateFunction(uniqHLL12, String) CODEC(ZSTD(1)),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64) CODEC(ZSTD(1))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`)
TTL `_bucket` + INTERVAL 365 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS `quickstart`.`checkout_1h_mv_v1`
TO `quickstart`.`checkout_1h`
AS SELECT
    toStartOfHour(`_time`) AS `_bucket`,
    `country`,
    `platform`,
    countState() AS `events`,
    sumState(`amount`) AS `revenue`,
    uniqHLL12State(`user_id`) AS `buyers`,
    quantilesTDigestState(0.5, 0.9, 0.99)(`latency_ms`) AS `latency`
FROM `quickstart`.`checkout_raw`
WHERE `_schema_version` = 1
GROUP BY `_bucket`, `country`, `platform`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1d`
(
    `_bucket` DateTime('UTC') CODEC(Delta, ZSTD(1)),
    `country` LowCardinality(String) CODEC(ZSTD(1)),
    `platform` LowCardinality(String) CODEC(ZSTD(1)),
    `events` AggregateFunction(count) CODEC(ZSTD(1)),
    `revenue` AggregateFunction(sum, Float64) CODEC(ZSTD(1)),
    `buyers` AggregateFunction(uniqHLL12, String) CODEC(ZSTD(1)),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64) CODEC(ZSTD(1))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`);

CREATE MATERIALIZED VIEW IF NOT EXISTS `quickstart`.`checkout_1d_mv_v1`
TO `quickstart`.`checkout_1d`
AS SELECT
    toStartOfDay(`_time`) AS `_bucket`,
    `country`,
    `platform`,
    countState() AS `events`,
    sumState(`amount`) AS `revenue`,
    uniqHLL12State(`user_id`) AS `buyers`,
    quantilesTDigestState(0.5, 0.9, 0.99)(`latency_ms`) AS `latency`
FROM `quickstart`.`checkout_raw`
WHERE `_schema_version` = 1
GROUP BY `_bucket`, `country`, `platform`;
