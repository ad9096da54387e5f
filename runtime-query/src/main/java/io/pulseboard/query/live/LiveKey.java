package io.pulseboard.query.live;

import io.pulseboard.api.v1alpha1.Granularity;

/** What live subscribers share: a panel at one granularity (subscribers of very different ranges differ). */
record LiveKey(String panel, Granularity granularity) {}
