package io.pulseboard.query.cache;

/**
 * A panel's answer as the REST API sends it: the JSON of a {@link io.pulseboard.query.panel.PanelData}.
 *
 * @param json UTF-8 JSON
 * @param cached whether it came from a cache rather than from ClickHouse
 */
public record PanelAnswer(byte[] json, boolean cached) {}
