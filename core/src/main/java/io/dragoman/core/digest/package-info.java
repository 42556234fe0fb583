/** A model's overview of each period of a digest, every sentence citing the articles it rests on. */
package io.dragoman.core.digest;
