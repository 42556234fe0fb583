/** Running many articles through the cleaner and writing the results safely. */
package io.dragoman.core.pipeline;
