/** Benchmarks run by hand; their figures go into issue notes, never into test assertions. */
package dev.dialtone.bench;
