package dev.dialtone.integrations.probe;

import dev.dialtone.domain.signal.api.HealthStatus;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionState;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks a voice agent's SIP endpoint whether it is there, with an OPTIONS request (RFC 3261 §11): the SIP "ping" that
 * exercises the same path an incoming call takes, up to the peer's SIP stack, without ringing anyone.
 *
 * <p>A 2xx answer is UP; 3xx is DEGRADED (something answers, but sends calls elsewhere); 4xx, 5xx and 6xx are DOWN
 * with {@code SIP <code> <reason>}; provisional 1xx answers are waited through. No final answer within the probe's
 * timeout is DOWN {@code timeout after N ms}: the probe stops waiting at its own deadline rather than at the
 * transaction's 32-second Timer F, and terminates the transaction so nothing lingers. Failing to resolve the host or
 * to connect over TCP is DOWN with the reason.
 *
 * <p>One instance owns one JAIN-SIP stack listening on one ephemeral port for both UDP and TCP; the application
 * creates one per process and shares it. {@link #probe} is thread-safe and blocking; concurrent probes each get their
 * own Call-ID, branch and client transaction, and answers are matched to probes by transaction. Several instances,
 * and other JAIN-SIP stacks, can share a JVM: stacks are constructed directly instead of through the JVM-wide
 * {@code SipFactory}, each under a unique {@code javax.sip.STACK_NAME} (see {@link JainSipStacks}). The stack logs
 * through SLF4J ({@link JainSipStackLogger}, {@link JainSipMessageLogger}); log4j is never needed.
 *
 * <p>Only {@code sip:} URIs over UDP or TCP are probed; {@code sips:} would need TLS. Hosts are resolved with plain
 * A/AAAA look-ups, not the NAPTR/SRV procedure of RFC 3263, so a domain that only publishes SRV records must be
 * probed by host name and port. Requests sent to the prober itself are not answered.
 */
public final class SipOptionsProber implements AutoCloseable {

    private static final int DEFAULT_SIP_PORT = 5060;
    private static final String USER = "dialtone";
    private static final String USER_AGENT = "Dialtone-Probe/1";
    private static final int MAX_FORWARDS = 70;
    /** RFC 3261 §8.1.1.7: the magic cookie that marks a branch as unique across time and space. */
    private static final String BRANCH_COOKIE = "z9hG4bK";
    private static final List<String> TRANSPORTS = List.of("udp", "tcp");
    private static final AddressFactory URI_PARSER = new AddressFactoryImpl();

    private final AddressFactory addresses = new AddressFactoryImpl();
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final MessageFactory messages = new MessageFactoryImpl();
    private final Map<ClientTransaction, Attempt> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration defaultTimeout;
    private final InetAddress localAddress;
    private final ExecutorService io;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final int localPort;

    /**
     * Starts the stack.
     *
     * @param localAddress   the address to listen on and to send from: an interface's address, or {@code 0.0.0.0}
     *                       to listen on all (the address the route to each target uses then goes into Via, From
     *                       and Contact)
     * @param defaultTimeout how long {@link #probe(String, String)} waits for a final answer
     * @throws IllegalArgumentException when nothing can listen on the address (not one of this host's), or the
     *                                  timeout is not positive
     * @throws IllegalStateException    when the stack cannot start or find a port free for both UDP and TCP
     */
    public SipOptionsProber(String localAddress, Duration defaultTimeout) {
        this.defaultTimeout = requirePositive(defaultTimeout, "the default SIP probe timeout");
        this.localAddress = localAddress(localAddress);
        this.io = Executors.newCachedThreadPool(daemonThreads());
        this.stack = JainSipStacks.create("dialtone-sip-probe");
        this.provider = JainSipStacks.listen(stack, this.localAddress, new Listener());
        this.localPort = provider.getListeningPoint(ListeningPoint.UDP).getPort();
    }

    /**
     * Checks a probe definition's target without sending anything.
     *
     * @throws IllegalArgumentException naming what is wrong: not a {@code sip:} URI, {@code sips:}, no host, a port
     *                                  outside 1-65535, a transport other than udp or tcp, headers, spaces
     */
    public static void validateUri(String sipUri) {
        parse(sipUri);
    }

    /** {@link #probe(String, String, Duration)} with the default timeout. */
    public ProbeResult probe(String sipUri, String transport) {
        return probe(sipUri, transport, defaultTimeout);
    }

    /**
     * Sends one OPTIONS request and waits, at most {@code timeout}, for its final answer.
     *
     * @param sipUri    the Request-URI and To, e.g. {@code sip:agent@voice.example.com:5070}; port 5060 when absent
     * @param transport {@code udp} or {@code tcp}
     * @throws IllegalArgumentException when the URI or transport is unusable (see {@link #validateUri})
     * @throws IllegalStateException    when the prober is closed
     * @throws CancellationException    when the calling thread is interrupted or the prober closes meanwhile: no
     *                                  verdict on the peer
     */
    public ProbeResult probe(String sipUri, String transport, Duration timeout) {
        SipURI target = parse(sipUri);
        String protocol = transport(target, sipUri, transport);
        requirePositive(timeout, "the SIP probe timeout");
        if (closed.get()) {
            throw new IllegalStateException("the SIP prober is closed");
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        InetAddress peer;
        try {
            peer = resolve(target.getHost(), deadline);
        } catch (UnknownHostException e) {
            return down("cannot resolve host " + target.getHost());
        } catch (TimeoutException e) {
            return down("timeout after " + timeout.toMillis() + " ms resolving host " + target.getHost());
        }
        int port = target.getPort() > 0 ? target.getPort() : DEFAULT_SIP_PORT;
        String destination = peer.getHostAddress() + ":" + port + "/" + protocol;
        ClientTransaction transaction;
        try {
            transaction = provider.getNewClientTransaction(options(target, protocol, peer));
        } catch (SipException e) {
            if (closed.get()) {
                throw new CancellationException("the SIP prober closed while probing " + sipUri);
            }
            return down("cannot send OPTIONS to " + destination + ": " + rootCause(e));
        }
        Attempt attempt = new Attempt(start, peer.getHostAddress(), port, protocol);
        inFlight.put(transaction, attempt);
        try {
            io.execute(() -> send(transaction, attempt, destination));
            return attempt.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return down("timeout after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while probing " + sipUri);
        } catch (RejectedExecutionException e) {
            throw new CancellationException("the SIP prober closed while probing " + sipUri);
        } catch (ExecutionException e) {
            throw new IllegalStateException("probing " + sipUri + " failed unexpectedly", e.getCause());
        } finally {
            inFlight.remove(transaction);
            endUnlessAnswered(transaction);
        }
    }

    /** The port the prober listens on, for UDP and TCP alike. */
    public int localPort() {
        return localPort;
    }

    /** Stops the stack and frees its ports; probes still waiting end with {@link CancellationException}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        inFlight.values().forEach(attempt -> attempt.result.cancel(false));
        JainSipStacks.stop(stack);
        io.shutdownNow();
    }

    int openClientTransactions() {
        return stack.getClientTransactionTableSize();
    }

    private void send(ClientTransaction transaction, Attempt attempt, String destination) {
        try {
            transaction.sendRequest();
        } catch (SipException | RuntimeException e) {
            attempt.result.complete(down("cannot send OPTIONS to " + destination + ": " + rootCause(e)));
        }
    }

    private Request options(SipURI target, String transport, InetAddress peer) throws SipException {
        try {
            String local = advertisedAddress(peer);
            ViaHeader via = headers.createViaHeader(local, localPort, transport, BRANCH_COOKIE + randomToken());
            via.setRPort();
            Request request = messages.createRequest(
                    (URI) target.clone(),
                    Request.OPTIONS,
                    provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.OPTIONS),
                    headers.createFromHeader(addresses.createAddress(addresses.createSipURI(USER, local)),
                            randomToken()),
                    headers.createToHeader(addresses.createAddress((URI) target.clone()), null),
                    List.of(via),
                    headers.createMaxForwardsHeader(MAX_FORWARDS));
            SipURI contact = addresses.createSipURI(USER, local);
            contact.setPort(localPort);
            contact.setTransportParam(transport);
            request.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
            request.addHeader(headers.createAcceptHeader("application", "sdp"));
            request.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            return request;
        } catch (ParseException | InvalidArgumentException | IOException e) {
            throw new SipException("cannot build the OPTIONS request: " + e.getMessage(), e);
        }
    }

    /**
     * The address a peer can answer to: the listening address, or when listening on all interfaces, the one the OS
     * would send from to reach this peer (a connected UDP socket sends nothing).
     */
    private String advertisedAddress(InetAddress peer) throws IOException {
        if (!localAddress.isAnyLocalAddress()) {
            return localAddress.getHostAddress();
        }
        try (DatagramSocket route = new DatagramSocket()) {
            route.connect(peer, DEFAULT_SIP_PORT);
            InetAddress chosen = route.getLocalAddress();
            return chosen.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : chosen.getHostAddress();
        }
    }

    private InetAddress resolve(String host, long deadline) throws UnknownHostException, TimeoutException {
        try {
            CompletableFuture<InetAddress> lookup = CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getByName(host);
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }, io);
            return lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new IllegalStateException("resolving " + host + " failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while resolving " + host);
        } catch (RejectedExecutionException e) {
            throw new CancellationException("the SIP prober closed while resolving " + host);
        }
    }

    private void endUnlessAnswered(ClientTransaction transaction) {
        TransactionState state = transaction.getState();
        if (TransactionState.COMPLETED.equals(state) || TransactionState.TERMINATED.equals(state)) {
            return;
        }
        try {
            transaction.terminate();
        } catch (ObjectInUseException | RuntimeException ignored) {
            // the stack is already tearing it down
        }
    }

    private static SipURI parse(String sipUri) {
        if (sipUri == null || sipUri.isBlank()) {
            throw new IllegalArgumentException("the SIP URI is missing, e.g. sip:agent@voice.example.com:5060");
        }
        if (sipUri.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' contains whitespace");
        }
        String lower = sipUri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' is sips:, which needs TLS; the OPTIONS "
                    + "probe speaks sip: over udp or tcp only");
        }
        if (!lower.startsWith("sip:")) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' must start with sip:, "
                    + "e.g. sip:agent@voice.example.com:5060");
        }
        URI uri;
        try {
            uri = URI_PARSER.createURI(sipUri);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' is malformed: " + e.getMessage(), e);
        }
        if (!(uri instanceof SipURI target) || target.getHost() == null || target.getHost().isBlank()) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' has no host");
        }
        if (target.getPort() != -1 && (target.getPort() < 1 || target.getPort() > 65535)) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' has port " + target.getPort()
                    + ", outside 1-65535");
        }
        String transport = target.getTransportParam();
        if (transport != null && !TRANSPORTS.contains(transport.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' asks for transport=" + transport
                    + "; the OPTIONS probe speaks udp or tcp only");
        }
        Iterator<?> uriHeaders = target.getHeaderNames();
        if (uriHeaders != null && uriHeaders.hasNext()) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' carries headers (after '?'), "
                    + "which a Request-URI may not (RFC 3261 §19.1.1)");
        }
        return target;
    }

    private static String transport(SipURI target, String sipUri, String transport) {
        String requested = transport == null ? "" : transport.toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(requested)) {
            throw new IllegalArgumentException("the SIP probe transport must be udp or tcp, got '" + transport + "'");
        }
        String inUri = target.getTransportParam();
        if (inUri != null && !inUri.equalsIgnoreCase(requested)) {
            throw new IllegalArgumentException("the SIP URI '" + sipUri + "' says transport=" + inUri
                    + " but the probe is set to " + requested);
        }
        return requested;
    }

    private static InetAddress localAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("the SIP probe's local address is missing; use 0.0.0.0 for all");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the SIP probe's local address '" + address + "' does not resolve", e);
        }
    }

    private static Duration requirePositive(Duration timeout, String what) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + timeout);
        }
        return timeout;
    }

    private static ProbeResult answered(Response response, long latencyMs) {
        int code = response.getStatusCode();
        String reason = response.getReasonPhrase();
        String detail = "SIP " + code + (reason == null || reason.isBlank() ? "" : " " + reason);
        HealthStatus status = code < 300 ? HealthStatus.UP : code < 400 ? HealthStatus.DEGRADED : HealthStatus.DOWN;
        return new ProbeResult(status, latencyMs, detail);
    }

    private static ProbeResult down(String detail) {
        return new ProbeResult(HealthStatus.DOWN, null, detail);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static String randomToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "sip-options-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** One probe waiting for its final answer; the destination identifies it in I/O error events. */
    private record Attempt(long startNanos, String host, int port, String transport,
                           CompletableFuture<ProbeResult> result) {

        Attempt(long startNanos, String host, int port, String transport) {
            this(startNanos, host, port, transport, new CompletableFuture<>());
        }

        boolean isTo(IOExceptionEvent event) {
            return host.equals(event.getHost()) && port == event.getPort()
                    && transport.equalsIgnoreCase(event.getTransport());
        }
    }

    private final class Listener implements SipListener {

        @Override
        public void processResponse(ResponseEvent event) {
            Attempt attempt = event.getClientTransaction() == null ? null : inFlight.get(event.getClientTransaction());
            if (attempt == null || event.getResponse().getStatusCode() < 200) {
                return;
            }
            attempt.result.complete(answered(event.getResponse(), millisSince(attempt.startNanos)));
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            Attempt attempt = event.isServerTransaction() ? null : inFlight.get(event.getClientTransaction());
            if (attempt != null) {
                attempt.result.complete(down("timeout after " + millisSince(attempt.startNanos) + " ms"));
            }
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            String where = event.getHost() + ":" + event.getPort() + "/" + event.getTransport();
            inFlight.values().stream()
                    .filter(attempt -> attempt.isTo(event))
                    .forEach(attempt -> attempt.result.complete(down("I/O error talking to " + where)));
        }

        @Override
        public void processRequest(RequestEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
