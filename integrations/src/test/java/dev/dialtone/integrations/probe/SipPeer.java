package dev.dialtone.integrations.probe;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.net.InetAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A SIP endpoint on 127.0.0.1 (UDP and TCP on one ephemeral port) that answers OPTIONS the way a test tells it to:
 * a second, independent JAIN-SIP stack acting as user agent server, so probes cross real sockets.
 */
final class SipPeer implements AutoCloseable {

    /** How to answer one request: a final status (0 for never), after a delay, optionally preceded by 100 Trying. */
    record Reply(int status, Duration delay, boolean tryingFirst) {

        static Reply with(int status) {
            return new Reply(status, Duration.ZERO, false);
        }

        static Reply never() {
            return new Reply(0, Duration.ZERO, false);
        }

        Reply after(Duration wait) {
            return new Reply(status, wait, tryingFirst);
        }

        Reply afterTrying() {
            return new Reply(status, delay, true);
        }
    }

    /** RFC 3261 §21 spells them so; the RI's defaults differ in case ("Busy here"). */
    private static final Map<Integer, String> REASON_PHRASES = Map.of(
            Response.TRYING, "Trying",
            Response.OK, "OK",
            Response.ACCEPTED, "Accepted",
            Response.MOVED_TEMPORARILY, "Moved Temporarily",
            Response.BUSY_HERE, "Busy Here",
            Response.SERVICE_UNAVAILABLE, "Service Unavailable");

    private final SipStackImpl stack = JainSipStacks.create("test-sip-peer");
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final SipProvider provider;
    private volatile Function<Request, Reply> policy = request -> Reply.with(Response.OK);

    SipPeer() {
        provider = JainSipStacks.listen(stack, InetAddress.getLoopbackAddress(), new Uas());
    }

    /** Back to answering 200 OK at once, with nothing received. */
    void reset() {
        answer(Reply.with(Response.OK));
        received.clear();
    }

    void answer(Reply reply) {
        answer(request -> reply);
    }

    void answer(Function<Request, Reply> perRequest) {
        policy = perRequest;
    }

    int port() {
        return provider.getListeningPoint(ListeningPoint.UDP).getPort();
    }

    String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    /** Each request once, however often it was retransmitted. */
    List<Request> received() {
        return List.copyOf(received);
    }

    /** What went wrong answering, so a test fails on the peer's bugs rather than timing out. */
    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        later.shutdownNow();
        JainSipStacks.stop(stack);
    }

    private void respond(ServerTransaction transaction, Request request, int status) {
        try {
            Response response = messages.createResponse(status, request);
            response.setReasonPhrase(REASON_PHRASES.getOrDefault(status, response.getReasonPhrase()));
            if (status >= 200) {
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag("peer" + System.nanoTime());
            }
            transaction.sendResponse(response);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            failures.add(e);
        }
    }

    private final class Uas implements SipListener {

        @Override
        public void processRequest(RequestEvent event) {
            Request request = event.getRequest();
            ServerTransaction transaction = event.getServerTransaction();
            try {
                if (transaction == null) {
                    transaction = provider.getNewServerTransaction(request);
                }
            } catch (TransactionAlreadyExistsException retransmission) {
                return;
            } catch (SipException e) {
                failures.add(e);
                return;
            }
            received.add(request);
            Reply reply = policy.apply(request);
            if (reply.status() == 0) {
                return;
            }
            if (reply.tryingFirst()) {
                respond(transaction, request, Response.TRYING);
            }
            ServerTransaction answering = transaction;
            later.schedule(() -> respond(answering, request, reply.status()),
                    reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
