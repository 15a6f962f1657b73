package dev.dialtone.integrations.probe;

import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.integrations.probe.SipPeer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sip.address.SipURI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Real SIP on loopback: the prober and a {@link SipPeer} are two JAIN-SIP stacks in this JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipOptionsProberTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(800);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private SipPeer peer;
    private SipOptionsProber prober;

    // Shared because stopping a JAIN-SIP stack takes a second (the RI sleeps in stop()).
    @BeforeAll
    void start() {
        peer = new SipPeer();
        prober = new SipOptionsProber("127.0.0.1", TIMEOUT);
    }

    @BeforeEach
    void resetPeer() {
        peer.reset();
    }

    @AfterEach
    void peerAnsweredAsTold() {
        assertThat(peer.failures()).isEmpty();
    }

    @AfterAll
    void stop() {
        prober.close();
        peer.close();
    }

    @Test
    void isUpWithTheLatencyWhenThePeerAnswers200OverUdp() {
        peer.answer(Reply.with(200).after(Duration.ofMillis(150)));

        ProbeResult result = prober.probe(peer.uri("agent"), "udp");

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
        assertThat(result.detail()).isEqualTo("SIP 200 OK");
        assertThat(result.latencyMs()).isBetween(150L, TIMEOUT.toMillis());
    }

    @Test
    void isUpWhenThePeerAnswers200OverTcp() {
        ProbeResult result = prober.probe(peer.uri("agent"), "tcp");

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
        assertThat(result.latencyMs()).isNotNull();
        assertThat(((ViaHeader) peer.received().get(0).getHeader(ViaHeader.NAME)).getTransport())
                .isEqualToIgnoringCase("tcp");
    }

    @Test
    void isUpOnAnyOther2xx() {
        peer.answer(Reply.with(202));

        ProbeResult result = prober.probe(peer.uri("agent"), "udp");

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
        assertThat(result.detail()).isEqualTo("SIP 202 Accepted");
    }

    @Test
    void sendsAnOptionsRequestWithTheHeadersOfRfc3261Section11() {
        String target = peer.uri("agent");

        prober.probe(target, "udp");

        assertThat(peer.received()).hasSize(1);
        Request request = peer.received().get(0);
        assertThat(request.getMethod()).isEqualTo("OPTIONS");
        assertThat(request.getRequestURI().toString()).isEqualTo(target);
        assertThat(((MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME)).getMaxForwards()).isEqualTo(70);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        assertThat(via.getBranch()).startsWith("z9hG4bK").hasSizeGreaterThan("z9hG4bK".length());
        assertThat(via.getTransport()).isEqualToIgnoringCase("udp");
        assertThat(via.getHost()).isEqualTo("127.0.0.1");
        assertThat(via.getPort()).isEqualTo(prober.localPort());
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        assertThat(from.getAddress().getURI().toString()).isEqualTo("sip:dialtone@127.0.0.1");
        assertThat(from.getTag()).isNotBlank();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        assertThat(to.getAddress().getURI().toString()).isEqualTo(target);
        assertThat(to.getTag()).isNull();
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        assertThat(cseq.getMethod()).isEqualTo("OPTIONS");
        assertThat(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId()).isNotBlank();
        SipURI contact = (SipURI) ((ContactHeader) request.getHeader(ContactHeader.NAME)).getAddress().getURI();
        assertThat(contact.getHost()).isEqualTo("127.0.0.1");
        assertThat(contact.getPort()).isEqualTo(prober.localPort());
        AcceptHeader accept = (AcceptHeader) request.getHeader(AcceptHeader.NAME);
        assertThat(accept.getContentType() + "/" + accept.getContentSubType()).isEqualTo("application/sdp");
        assertThat(((UserAgentHeader) request.getHeader(UserAgentHeader.NAME)).getProduct())
                .toIterable().containsExactly("Dialtone-Probe/1");
    }

    @Test
    void isDownWithTheStatusLineWhenThePeerIsBusy() {
        peer.answer(Reply.with(486));

        ProbeResult result = prober.probe(peer.uri("agent"), "udp");

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("SIP 486 Busy Here");
        assertThat(result.latencyMs()).isNotNull();
    }

    @Test
    void isDownWhenThePeerIsUnavailable() {
        peer.answer(Reply.with(503));

        ProbeResult result = prober.probe(peer.uri("agent"), "tcp");

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("SIP 503 Service Unavailable");
    }

    @Test
    void isDegradedWhenThePeerRedirects() {
        peer.answer(Reply.with(302));

        ProbeResult result = prober.probe(peer.uri("agent"), "udp");

        assertThat(result.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.detail()).isEqualTo("SIP 302 Moved Temporarily");
    }

    @Test
    void waitsThroughTryingForTheFinalAnswer() {
        peer.answer(Reply.with(200).after(Duration.ofMillis(700)).afterTrying());

        ProbeResult result = prober.probe(peer.uri("agent"), "udp");

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
        assertThat(result.latencyMs()).isGreaterThanOrEqualTo(700L);
    }

    @Test
    void timesOutAtItsOwnDeadlineWhenThePeerNeverAnswers() {
        peer.answer(Reply.never());

        long started = System.nanoTime();
        ProbeResult result = prober.probe(peer.uri("agent"), "udp", SHORT_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("timeout after 800 ms");
        assertThat(result.latencyMs()).isNull();
        assertThat(took).isLessThan(SHORT_TIMEOUT.plus(SLACK));
        assertThat(peer.received()).hasSize(1);
    }

    @Test
    void leavesNoTransactionBehindWhenItGivesUp() {
        peer.answer(Reply.never());
        try (SipOptionsProber own = new SipOptionsProber("127.0.0.1", SHORT_TIMEOUT)) {
            own.probe(peer.uri("agent"), "udp");
            own.probe(peer.uri("agent"), "tcp");

            // Without terminate() the RI would keep each until its 32-second Timer F.
            await().atMost(Duration.ofSeconds(3)).until(() -> own.openClientTransactions() == 0);
        }
    }

    @Test
    void timesOutWhenTheAnswerComesAfterTheDeadline() {
        peer.answer(Reply.with(200).after(SHORT_TIMEOUT.plusSeconds(1)));

        ProbeResult result = prober.probe(peer.uri("agent"), "tcp", SHORT_TIMEOUT);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("timeout after 800 ms");
    }

    @Test
    void isDownWhenThePeerHasStopped() {
        SipPeer stopped = new SipPeer();
        String target = stopped.uri("agent");
        int port = stopped.port();
        assertThat(prober.probe(target, "tcp").status()).isEqualTo(HealthStatus.UP);
        stopped.close();

        long started = System.nanoTime();
        ProbeResult overUdp = prober.probe(target, "udp", SHORT_TIMEOUT);

        assertThat(overUdp.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(overUdp.detail()).isEqualTo("timeout after 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT_TIMEOUT.plus(SLACK));

        started = System.nanoTime();
        ProbeResult overTcp = prober.probe(target, "tcp");

        assertThat(overTcp.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(overTcp.detail()).startsWith("cannot send OPTIONS to 127.0.0.1:" + port + "/tcp: ")
                .containsIgnoringCase("connect");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void isDownAtOnceWhenNothingListensOnTheTcpPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        long started = System.nanoTime();
        ProbeResult result = prober.probe("sip:agent@127.0.0.1:" + closedPort, "tcp");

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).startsWith("cannot send OPTIONS to 127.0.0.1:" + closedPort + "/tcp: ")
                .containsIgnoringCase("connect");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void isDownWhenTheHostDoesNotResolve() {
        ProbeResult result = prober.probe("sip:agent@no-such-host.invalid", "udp", SHORT_TIMEOUT);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).contains("no-such-host.invalid");
    }

    @Test
    void matchesEachAnswerToItsOwnProbeWhenTwentyRunAtOnce() throws Exception {
        int probes = 20;
        // Later probes are answered first, and odd ones are busy, so a mix-up would show.
        peer.answer(request -> {
            int n = Integer.parseInt(((SipURI) request.getRequestURI()).getUser().substring("agent-".length()));
            return Reply.with(n % 2 == 0 ? 200 : 486).after(Duration.ofMillis((probes - n) * 20L));
        });
        ExecutorService callers = Executors.newFixedThreadPool(probes);
        try {
            List<Future<ProbeResult>> results = new ArrayList<>();
            for (int n = 0; n < probes; n++) {
                String target = peer.uri("agent-" + n);
                String transport = n % 4 < 2 ? "udp" : "tcp";
                results.add(callers.submit(() -> prober.probe(target, transport)));
            }

            for (int n = 0; n < probes; n++) {
                ProbeResult result = results.get(n).get();
                assertThat(result.status()).as("probe %d", n)
                        .isEqualTo(n % 2 == 0 ? HealthStatus.UP : HealthStatus.DOWN);
                assertThat(result.detail()).as("probe %d", n)
                        .isEqualTo(n % 2 == 0 ? "SIP 200 OK" : "SIP 486 Busy Here");
                assertThat(result.latencyMs()).as("probe %d", n).isGreaterThanOrEqualTo((probes - n) * 20L);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(peer.received()).extracting(request -> ((CallIdHeader) request.getHeader(CallIdHeader.NAME))
                .getCallId()).hasSize(probes).doesNotHaveDuplicates();
    }

    @Test
    void worksAlongsideAnotherProberInTheSameJvm() {
        try (SipOptionsProber second = new SipOptionsProber("127.0.0.1", TIMEOUT)) {
            assertThat(second.localPort()).isNotEqualTo(prober.localPort());
            assertThat(second.probe(peer.uri("agent"), "udp").status()).isEqualTo(HealthStatus.UP);
            assertThat(prober.probe(peer.uri("agent"), "tcp").status()).isEqualTo(HealthStatus.UP);
        }
        assertThat(prober.probe(peer.uri("agent"), "udp").status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void listensOnAllInterfacesAndAdvertisesTheRouteToThePeer() {
        try (SipOptionsProber anyAddress = new SipOptionsProber("0.0.0.0", TIMEOUT)) {
            assertThat(anyAddress.probe(peer.uri("agent"), "udp").status()).isEqualTo(HealthStatus.UP);

            ViaHeader via = (ViaHeader) peer.received().get(0).getHeader(ViaHeader.NAME);
            assertThat(via.getHost()).isEqualTo("127.0.0.1");
            assertThat(via.getPort()).isEqualTo(anyAddress.localPort());
        }
    }

    @Test
    void closingFreesThePortAndEndsTheStacksThreads() throws Exception {
        long scannersBefore = threadsNamed("EventScannerThread");
        SipOptionsProber closing = new SipOptionsProber("127.0.0.1", TIMEOUT);
        int port = closing.localPort();
        assertThat(closing.probe(peer.uri("agent"), "tcp").status()).isEqualTo(HealthStatus.UP);

        closing.close();

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port));
             ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(loopback, port));
            assertThat(udp.getLocalPort()).isEqualTo(tcp.getLocalPort()).isEqualTo(port);
        }
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(threadsNamed("127.0.0.1/" + port)).isZero();
            assertThat(threadsNamed("EventScannerThread")).isEqualTo(scannersBefore);
        });
        assertThatThrownBy(() -> closing.probe(peer.uri("agent"), "udp"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void refusesToStartOnAnAddressThatIsNotThisHosts() {
        long timersBefore = threadsNamed("DefaultSipTimerThread");

        assertThatThrownBy(() -> new SipOptionsProber("192.0.2.1", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot listen for SIP on 192.0.2.1");
        assertThatThrownBy(() -> new SipOptionsProber("no-such-host.invalid", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not resolve");
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(threadsNamed("DefaultSipTimerThread")).isEqualTo(timersBefore));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                   | missing",
            "'   '                                | missing",
            "voice.example.com:5060               | must start with sip:",
            "http://voice.example.com             | must start with sip:",
            "sips:agent@voice.example.com         | needs TLS",
            "sip:                                 | malformed",
            "sip:agent@                           | malformed",
            "sip:agent@voice.example.com:99999    | outside 1-65535",
            "sip:agent@voice.example.com:0        | outside 1-65535",
            "sip:agent@voice.example.com:port     | malformed",
            "'sip:agent@voice.example.com x'      | whitespace",
            "sip:agent@voice.example.com;transport=tls | transport=tls",
            "sip:agent@voice.example.com?Subject=hi    | headers",
    })
    void rejectsAMalformedUriNamingTheProblem(String uri, String problem) {
        assertThatThrownBy(() -> SipOptionsProber.validateUri(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
        assertThatThrownBy(() -> prober.probe(uri, "udp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sip:agent@voice.example.com",
            "sip:voice.example.com:5070",
            "sip:10.0.0.7:5080",
            "SIP:agent@voice.example.com",
            "sip:agent@voice.example.com;transport=tcp",
    })
    void acceptsSipUrisWithOrWithoutUserAndPort(String uri) {
        assertThatCode(() -> SipOptionsProber.validateUri(uri)).doesNotThrowAnyException();
    }

    @Test
    void rejectsTransportsItDoesNotSpeakOrThatContradictTheUri() {
        assertThatThrownBy(() -> prober.probe(peer.uri("agent"), "tls"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("udp or tcp");
        assertThatThrownBy(() -> prober.probe(peer.uri("agent") + ";transport=tcp", "udp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transport=tcp");
    }

    private static long threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains(part))
                .count();
    }
}
