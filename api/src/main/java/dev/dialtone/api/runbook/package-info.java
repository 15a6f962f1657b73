/** {@code /runbooks}: the runbooks as HTML, filled in with an incident's details behind a signed link. */
package dev.dialtone.api.runbook;
