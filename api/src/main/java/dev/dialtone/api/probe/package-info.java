/**
 * Active probes: definitions per agent over REST, one db-scheduler task per probe that runs it on its grid on
 * whichever node is free, and each run recorded as an ordinary health-check signal.
 */
package dev.dialtone.api.probe;
