/** The data that flows through Dragoman: article ids, raw input, cleaned articles and their metadata. */
package io.dragoman.core.article;
