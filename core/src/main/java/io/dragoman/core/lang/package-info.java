/** Language identification of article text. */
package io.dragoman.core.lang;
