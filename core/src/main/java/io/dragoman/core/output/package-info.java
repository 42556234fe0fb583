/** Renders a run store for people: the bilingual reader site and CSV tables. */
package io.dragoman.core.output;
