/** Escalation: the policies (ladders of notification levels) and, later, the sagas that walk them. */
package dev.dialtone.domain.escalation;
