/**
 * The run store: one SQLite file holding each article's committed stage results and the cache of model calls, so that
 * a batch run can be killed at any moment and resumed. {@link io.dragoman.core.store.RunStore} opens and migrates the
 * file and owns its one connection; {@link io.dragoman.core.store.ArticleTable} and {@link
 * io.dragoman.core.store.StoredCallCache} are its two tables, read and written in the types the pipeline uses.
 */
package io.dragoman.core.store;
