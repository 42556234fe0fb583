/** Language identification, sentence splitting and token counting of article text. */
package io.dragoman.core.lang;
