/**
 * The data that flows through Dragoman: article ids, raw input, cleaned articles and their metadata, the stages an
 * article goes through and where it stands in a run.
 */
package io.dragoman.core.article;
