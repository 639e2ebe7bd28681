package io.newsstream.processor.topology;

import io.newsstream.schemas.avro.EnrichedArticle;

/** An article and whether it was read at its home partition ({@link HomeCheck}). */
record Placed(EnrichedArticle article, boolean atHome) {}
