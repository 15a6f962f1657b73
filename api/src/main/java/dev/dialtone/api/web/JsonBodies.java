package dev.dialtone.api.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.io.IOException;

/**
 * Reads request bodies as JSON trees, so every endpoint can name the exact field that is wrong instead of relaying a
 * data-binding stack trace. Bodies over {@link #MAX_BYTES} are refused with 413 before they are buffered whole.
 */
@Component
public class JsonBodies {

    public static final int MAX_BYTES = 1024 * 1024;

    private final ObjectReader reader;

    public JsonBodies(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The body as a JSON tree; errors are {@link ApiException}s carrying 400, 413 or 415. */
    public Mono<JsonNode> read(ServerHttpRequest request) {
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || contentType.getSubtype().endsWith("+json"))) {
            return Mono.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as JSON with 'Content-Type: application/json'"));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > MAX_BYTES) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .switchIfEmpty(Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "the request body is empty")))
                .map(this::parse);
    }

    /** Like {@link #read}, but a request without a body means an empty object (e.g. {@code curl -X POST}). */
    public Mono<JsonNode> readOptional(ServerHttpRequest request) {
        long declared = request.getHeaders().getContentLength();
        if (declared > MAX_BYTES) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .flatMap(buffer -> {
                    if (buffer.readableByteCount() == 0) {
                        DataBufferUtils.release(buffer);
                        return Mono.empty();
                    }
                    MediaType contentType = request.getHeaders().getContentType();
                    if (contentType != null && !(MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                            || contentType.getSubtype().endsWith("+json"))) {
                        DataBufferUtils.release(buffer);
                        return Mono.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "send the body as JSON with 'Content-Type: application/json'"));
                    }
                    return Mono.just(parse(buffer));
                })
                .defaultIfEmpty(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    private JsonNode parse(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            JsonNode node = reader.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "the request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body could not be read: " + e.getMessage());
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
                "the body is larger than " + MAX_BYTES + " bytes (1 MiB); send smaller batches");
    }
}
