package dev.dialtone.integrations.probe;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;

import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Iterator;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts JAIN-SIP stacks that can share a JVM and listen on a port nobody chose, which the reference implementation
 * does not do by itself.
 *
 * <p>Stacks are constructed directly rather than through {@code SipFactory}: the factory is a JVM-wide singleton that
 * keeps every stack it ever made in a table keyed by {@code javax.sip.STACK_NAME}, and hands back the old, stopped
 * stack when a name is reused. Each stack still gets a unique name, which shows in its thread names. What the stacks
 * do share is static in the RI: the stack logger (harmless, always {@link JainSipStackLogger}) and the executor for
 * requests a stack sends to itself, which stopping any stack shuts down (harmless, probes never target themselves).
 *
 * <p>Listening on port 0 is not usable: the RI binds an ephemeral UDP socket but keeps reporting port 0, which would
 * end up in Via and Contact. So a free port is found first and both UDP and TCP listen on that same number, as SIP
 * peers expect; a port taken in between is retried.
 */
final class JainSipStacks {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int BIND_ATTEMPTS = 20;

    private JainSipStacks() {
    }

    /**
     * A stack without dialogs (OPTIONS creates none), logging through SLF4J instead of log4j 1.x, delivering events
     * concurrently (listeners only hand results over), on threads of normal priority rather than the RI's maximum.
     * {@code THREAD_POOL_SIZE} stays unset, so each UDP datagram gets a thread of its own: the RI's UDP pool, and the
     * congestion auditor (a timer thread per stack) that only polices the pool's queue, pay off only under loads a
     * prober never sees, and the pool's start-up races with {@link #stop}.
     */
    static SipStackImpl create(String role) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", role + "-" + SEQUENCE.incrementAndGet());
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", JainSipStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JainSipMessageLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "0");
        properties.setProperty("gov.nist.javax.sip.THREAD_PRIORITY", String.valueOf(Thread.NORM_PRIORITY));
        try {
            return new SipStackImpl(properties);
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("cannot create the JAIN-SIP stack: " + e.getMessage(), e);
        }
    }

    /**
     * Listens for UDP and TCP on one free port of {@code address} and starts the stack; stops it when that fails, since
     * its timer thread runs from construction.
     */
    static SipProvider listen(SipStackImpl stack, InetAddress address, SipListener listener) {
        try {
            return listenOnFreePort(stack, address, listener);
        } catch (RuntimeException e) {
            stop(stack);
            throw e;
        }
    }

    private static SipProvider listenOnFreePort(SipStackImpl stack, InetAddress address, SipListener listener) {
        String host = address.getHostAddress();
        InvalidArgumentException lastBindFailure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = freePort(address);
            if (port < 0) {
                continue;
            }
            ListeningPoint udp = null;
            ListeningPoint tcp = null;
            try {
                udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
                tcp = stack.createListeningPoint(host, port, ListeningPoint.TCP);
                SipProvider provider = stack.createSipProvider(udp);
                provider.addListeningPoint(tcp);
                provider.addSipListener(listener);
                stack.start();
                return provider;
            } catch (InvalidArgumentException e) {
                lastBindFailure = e;
                deleteQuietly(stack, udp);
                deleteQuietly(stack, tcp);
            } catch (SipException | TooManyListenersException e) {
                throw new IllegalStateException("cannot start the SIP stack on " + host + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("cannot find a port free for both UDP and TCP on " + host + " in "
                + BIND_ATTEMPTS + " attempts", lastBindFailure);
    }

    /**
     * Stops the stack, frees its ports and ends its threads, working around two RI defects. The UDP processor creates
     * the list of channels it closes on stop from its receiver thread, so stopping a stack whose thread has not run yet
     * fails half-way, after closing the UDP socket but before TCP and the timers; the processor is off the stack's list
     * by then, so a second stop finishes the rest. And the event scanner thread is told to stop but left blocked on its
     * empty queue, so it gets an I/O error event about no destination to wake up to. Takes about a second: the RI
     * sleeps in {@code stop()}.
     */
    static void stop(SipStackImpl stack) {
        EventScanner scanner = stack.getEventScanner();
        Iterator<?> providers = stack.getSipProviders();
        Object eventSource = providers.hasNext() ? providers.next() : stack;
        try {
            stack.stop();
        } catch (NullPointerException startupRace) {
            stack.stop();
        }
        if (scanner != null) {
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(eventSource, "", 0, ""), null));
        }
    }

    /** A port free for both TCP and UDP right now, or -1 when the one the OS offered for TCP is taken for UDP. */
    private static int freePort(InetAddress address) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(address, 0));
            int port = tcp.getLocalPort();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port))) {
                return port;
            } catch (IOException takenForUdp) {
                return -1;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen for SIP on " + address.getHostAddress() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(SipStackImpl stack, ListeningPoint point) {
        if (point == null) {
            return;
        }
        try {
            stack.deleteListeningPoint(point);
        } catch (ObjectInUseException ignored) {
            // the stack is discarded with it on the next failure
        }
    }
}
