package com.contactsync.graphsim.error;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Renders every failure as Graph's error JSON, including the ones WebFlux raises itself (no route, bad JSON, ...). */
@Component
@Order(-2) // before Boot's default handler, which would answer in its own shape
public class GraphErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorHandler.class);
    private static final DateTimeFormatter INNER_ERROR_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final JsonMapper json;

    public GraphErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        GraphException graph = toGraph(failure);
        // Graph's innerError date is UTC without an offset, seconds always written (toString() drops ":00")
        String date = INNER_ERROR_DATE.format(LocalDateTime.now(ZoneOffset.UTC));
        GraphError body = new GraphError(new GraphError.Error(graph.code(), graph.getMessage(),
                new GraphError.InnerError(date, RequestIds.requestId(exchange), RequestIds.clientRequestId(exchange))));
        exchange.getResponse().setStatusCode(graph.status());
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (graph.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"\", authorization_uri=\"/{tenant}/oauth2/v2.0/token\"");
        }
        graph.headers().forEach(headers::set);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(body));
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    private static GraphException toGraph(Throwable failure) {
        if (failure instanceof GraphException graph) {
            return graph;
        }
        if (failure instanceof ServerWebInputException) {
            return GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set "
                    + "and payload is of valid JSON format.");
        }
        if (failure instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus known = HttpStatus.resolve(code.value());
            String name = known == null ? "UnknownError" : known.getReasonPhrase().replace(" ", "");
            return new GraphException(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, name,
                    status.getReason() == null ? name : status.getReason());
        }
        log.error("Unexpected failure", failure);
        return new GraphException(HttpStatus.INTERNAL_SERVER_ERROR, "generalException", "An internal server error occurred.");
    }
}
