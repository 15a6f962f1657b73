/** Tools the drills in {@code drills/} use to judge a run: what was acknowledged against what was stored. */
package dev.dialtone.bench.drill;
