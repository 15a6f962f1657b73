package dev.dialtone.integrations.probe;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.SipStack;
import java.util.Properties;

/**
 * Writes every SIP message the JAIN-SIP stack sends or receives to SLF4J at TRACE, instead of the stack's default
 * message log, which would switch the whole stack over to log4j 1.x. The stack instantiates it by name through
 * {@code gov.nist.javax.sip.SERVER_LOGGER}, hence public with a no-argument constructor.
 */
public final class JainSipMessageLogger implements ServerLogger {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipStackLogger.LOGGER_NAME + ".messages");

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}{}\n{}", sender ? "sent" : "received", from, to,
                    status == null ? "" : " (" + status + ")", message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug("JAIN-SIP message log exception", ex);
    }

    @Override
    public void closeLogFile() {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public void setSipStack(SipStack sipStack) {
    }
}
