/**
 * Language models behind one small seam, {@link io.dragoman.core.llm.ModelProvider}: building LangChain4j chat models
 * for each provider, mapping their failures to {@link io.dragoman.core.llm.RetriableFailure} and {@link
 * io.dragoman.core.llm.PermanentFailure}, and retrying; the only package that imports provider classes.
 */
package io.dragoman.core.llm;
