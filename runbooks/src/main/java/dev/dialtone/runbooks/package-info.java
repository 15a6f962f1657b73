/** The responders' runbooks: Markdown on the classpath, rendered to self-contained HTML pages. */
package dev.dialtone.runbooks;
