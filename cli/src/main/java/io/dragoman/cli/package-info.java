/** The {@code dragoman} command: parses arguments, wires the core library, prints results. */
package io.dragoman.cli;
