/**
 * Provider batch jobs: many chat requests sent as one asynchronous job, answered hours later at the provider's batch
 * price. {@link io.dragoman.core.llm.batch.BatchClient} is the seam (submit, poll, fetch results, list, cancel); {@link
 * io.dragoman.core.llm.batch.OpenAiBatchClient}, {@link io.dragoman.core.llm.batch.AnthropicBatchClient}, {@link io.dragoman.core.llm.batch.GeminiBatchClient} and {@link
 * io.dragoman.core.llm.batch.MistralBatchClient} speak the providers' wire formats on the JDK HTTP client. Uses {@code core.llm} and {@code core.llm.provider} only; keys never
 * appear in a message.
 */
package io.dragoman.core.llm.batch;
