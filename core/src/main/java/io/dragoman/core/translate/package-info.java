/**
 * Translating a cleaned article into English: chunking by paragraphs, glossaries, the model calls, and the checks
 * that decide whether a translation can be trusted.
 */
package io.dragoman.core.translate;
