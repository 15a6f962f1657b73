/** The live status of each agent: latest signals and counts. */
package dev.dialtone.projections.agent;
