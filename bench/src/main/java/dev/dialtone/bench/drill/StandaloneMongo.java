package dev.dialtone.bench.drill;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire server of its own, for drills with several Dialtone nodes: they must share one projection store,
 * and a node's embedded one dies with it. In memory; for drills only.
 * <p>
 * Arguments: {@code port=27017}.
 */
public final class StandaloneMongo {

    public static void main(String[] args) throws InterruptedException {
        int port = 27017;
        for (String arg : args) {
            if (arg.startsWith("port=")) {
                port = Integer.parseInt(arg.substring(5));
            }
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB-wire server on mongodb://127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        new CountDownLatch(1).await();
    }
}
