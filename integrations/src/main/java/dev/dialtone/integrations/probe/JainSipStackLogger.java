package dev.dialtone.integrations.probe;

import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * Routes the JAIN-SIP reference implementation's diagnostics to SLF4J. Without it the stack falls back to log4j 1.x,
 * which is not on the classpath (and has known vulnerabilities). The stack instantiates it by name through
 * {@code gov.nist.javax.sip.STACK_LOGGER}, hence public with a no-argument constructor.
 *
 * <p>Everything but fatal errors goes to DEBUG under {@value #LOGGER_NAME}: the RI logs expected network conditions
 * (a refused TCP connection) as several ERROR lines and every received datagram at INFO, while each probe's result
 * already carries the failures that matter. The logger is JVM-wide: the RI keeps it in a static field, so the last
 * stack created in the JVM provides it for all.
 */
public final class JainSipStackLogger implements StackLogger {

    static final String LOGGER_NAME = "gov.nist.javax.sip";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (level >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (level > TRACE_FATAL) {
            return LOG.isDebugEnabled();
        }
        return level > TRACE_NONE && LOG.isErrorEnabled();
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.debug("JAIN-SIP stack trace", new Throwable("stack trace requested by the SIP stack"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.debug("JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.debug(message);
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.debug(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    /** Levels are SLF4J's to decide, not the stack's. */
    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return LOGGER_NAME;
    }
}
