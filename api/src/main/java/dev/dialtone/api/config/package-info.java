/** Application properties, validated at startup with messages that name the property. */
package dev.dialtone.api.config;
