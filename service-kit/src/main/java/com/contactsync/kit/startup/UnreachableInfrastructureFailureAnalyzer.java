package com.contactsync.kit.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a start-up that failed because Kafka or PostgreSQL did not answer, or PostgreSQL refused the service,
 * into two lines an operator can act on,
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
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                FailureAnalysis analysis = analyze(sql);
                if (analysis != null) {
                    return analysis;
                }
            }
        }
        return null;
    }

    private static FailureAnalysis analyze(SQLException sql) {
        String state = sql.getSQLState();
        // Class 08: connection exception (the server is down, unreachable or refuses the connection).
        if (state.startsWith("08")) {
            return new FailureAnalysis("PostgreSQL is unreachable: " + sql.getMessage(),
                    "Start PostgreSQL, or point SPRING_DATASOURCE_URL (spring.datasource.url) at where it runs.", sql);
        }
        // Class 28: invalid authorization.
        if (state.startsWith("28")) {
            return new FailureAnalysis("PostgreSQL refused the credentials: " + sql.getMessage(),
                    "Set SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a role of that server.", sql);
        }
        if ("3D000".equals(state)) {
            return new FailureAnalysis("The service's database does not exist: " + sql.getMessage(),
                    "Create it (CREATE DATABASE ...), or point SPRING_DATASOURCE_URL at the right one.", sql);
        }
        return null;
    }
}
