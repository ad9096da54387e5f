package io.pulseboard.api.pipeline;

import io.pulseboard.api.v1alpha1.FieldType;

/**
 * One typed column of the raw table and where its value is found in an event.
 *
 * @param name column name
 * @param type value type
 * @param path JSON path in the event, dot separated
 * @param optional whether a missing value is allowed (it is then stored as the type's default)
 * @param dimension whether the column is a dimension (group-by and filter) rather than a field
 */
public record ColumnSpec(String name, FieldType type, String path, boolean optional, boolean dimension) {}
