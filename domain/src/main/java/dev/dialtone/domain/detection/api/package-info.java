/** Messages of the detection context. */
package dev.dialtone.domain.detection.api;
