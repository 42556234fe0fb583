/**
 * Structured English summaries that validate against the published schema ({@code prompts/summary/schema.json}),
 * merged with the facts the cleaner found and the provenance of the model call.
 */
package io.dragoman.core.summary;
