package com.contactsync.graphsim.control;

import com.contactsync.graphsim.mailbox.MailboxStore;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Test controls under {@code /_simulator/}: provision mailboxes, read request statistics, reset everything. */
@Configuration(proxyBeanMethods = false)
class SimulatorControls {

    @Bean
    RouterFunction<ServerResponse> simulatorRoute(MailboxStore mailboxes, RequestStats stats) {
        return RouterFunctions.route()
                .PUT("/_simulator/mailboxes/{upn}", request -> {
                    MailboxStore.Provisioned provisioned = mailboxes.provision(request.pathVariable("upn"), policy -> policy);
                    return ServerResponse.status(provisioned.created() ? HttpStatus.CREATED : HttpStatus.OK)
                            .bodyValue(Map.of(
                                    "id", provisioned.mailbox().id(),
                                    "userPrincipalName", provisioned.mailbox().userPrincipalName()));
                })
                .GET("/_simulator/stats", request -> {
                    List<RequestStats.Count> counts = stats.counts();
                    long total = counts.stream().mapToLong(RequestStats.Count::count).sum();
                    return ServerResponse.ok().bodyValue(Map.of("total", total, "requests", counts));
                })
                .POST("/_simulator/reset", request -> {
                    mailboxes.reset();
                    stats.reset();
                    return ServerResponse.noContent().build();
                })
                .build();
    }
}
