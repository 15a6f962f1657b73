package dev.dialtone.api.web;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/** A request body as the exact bytes that were signed, read up to a limit: signature checks need them untouched. */
public final class RawBodies {

    private RawBodies() {
    }

    public static Mono<byte[]> read(ServerHttpRequest request, int maxBytes, Supplier<ApiException> tooLarge) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(tooLarge.get());
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge.get())
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0]);
    }
}
