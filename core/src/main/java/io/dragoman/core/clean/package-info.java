/**
 * Boilerplate removal for plain-text scrapes and HTML pages, and extraction of the facts around an article
 * (title, publication time, dateline, section, agency, language).
 */
package io.dragoman.core.clean;
