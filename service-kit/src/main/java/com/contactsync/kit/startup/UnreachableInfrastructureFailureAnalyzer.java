package com.contactsync.kit.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a start-up that failed because Kafka or PostgreSQL did not answer into two lines an operator can act on,
 * instead of a page of nested bean-creation exceptions.
 */
public class UnreachableInfrastructureFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KafkaUnreachableException kafka) {
                return new FailureAnalysis(kafka.getMessage() + ".",
                        "Start the Kafka broker, or point SPRING_KAFKA_BOOTSTRAP_SERVERS (spring.kafka.bootstrap-servers)"
                                + " at where it runs.", kafka);
            }
            // SQL state class 08: connection exception (the server is down, unreachable or refuses the connection).
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return new FailureAnalysis("PostgreSQL is unreachable: " + sql.getMessage(),
                        "Start PostgreSQL, or point SPRING_DATASOURCE_URL (spring.datasource.url) at where it runs.", sql);
            }
        }
        return null;
    }
}
