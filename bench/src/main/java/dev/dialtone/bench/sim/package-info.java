/** The traffic simulator: realistic call and health-check traffic, with injected faults, against a running Dialtone. */
package dev.dialtone.bench.sim;
