/** Detection at run time: the processor that feeds each agent's facts to its monitor and carries out decisions. */
package dev.dialtone.api.detection;
