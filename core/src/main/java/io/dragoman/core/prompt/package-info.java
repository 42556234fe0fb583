/** Loading prompt templates (built into the jar, or overridden from a folder) and rendering their placeholders. */
package io.dragoman.core.prompt;
