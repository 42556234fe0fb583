/** The Dragoman pipeline as an Apache Beam job: reading, deduplicating, cleaning, the model stages and the outputs. */
package io.dragoman.beam;
