CREATE DATABASE IF NOT EXISTS `quickstart`;

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_raw`
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
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(`_time`)
ORDER BY (`country`, `platform`, `_time`);

CREATE TABLE IF NOT EXISTS `quickstart`.`checkout_1m`
(
    `_bucket` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `events` AggregateFunction(count),
    `revenue` AggregateFunction(sum, Float64),
    `buyers` AggregateFunction(uniqHLL12, String),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`);

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
    `_bucket` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `events` AggregateFunction(count),
    `revenue` AggregateFunction(sum, Float64),
    `buyers` AggregateFunction(uniqHLL12, String),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMMDD(`_bucket`)
ORDER BY (`_bucket`, `country`, `platform`);

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
    `_bucket` DateTime('UTC'),
    `country` LowCardinality(String),
    `platform` LowCardinality(String),
    `events` AggregateFunction(count),
    `revenue` AggregateFunction(sum, Float64),
    `buyers` AggregateFunction(uniqHLL12, String),
    `latency` AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64)
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
