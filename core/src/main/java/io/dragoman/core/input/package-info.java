/** Reading inputs (files, directories, standard input) into raw articles, one clear failure per unreadable input. */
package io.dragoman.core.input;
