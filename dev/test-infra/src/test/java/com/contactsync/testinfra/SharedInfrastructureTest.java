package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;

@RealInfrastructure
class SharedInfrastructureTest {

    private final Infrastructure injectedIntoConstructor;

    SharedInfrastructureTest(Infrastructure infrastructure) {
        this.injectedIntoConstructor = infrastructure;
    }

    @Test
    void extensionInjectsTheOneInstanceOfTheJvm(Infrastructure injectedIntoMethod) {
        assertThat(injectedIntoConstructor).isSameAs(injectedIntoMethod).isSameAs(Infrastructure.get());
    }

    @Test
    void sharedInstanceRunsInTheModeTheEnvironmentSelects() {
        Mode selected = ModeSelection.select(ModeSelection.systemSettings(),
                () -> DockerClientFactory.instance().isDockerAvailable()).mode();

        assertThat(Infrastructure.get().mode()).isEqualTo(selected);
    }

    @Test
    void databasePrefixIsLowerCasedWithHyphensAsUnderscores() {
        assertThat(Infrastructure.get().newDatabase("Scheduler-Service").name()).matches("scheduler_service_[0-9a-f]{12}");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1service", "a b", "x; DROP DATABASE postgres", "a_prefix_longer_than_forty_characters_xyz"})
    void databasePrefixThatIsNoPlainIdentifierIsRejected(String prefix) {
        assertThatThrownBy(() -> Infrastructure.get().newDatabase(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database prefix");
    }

    @Test
    void springPropertiesPointAServiceAtTheBrokerTheTestIssuerAndItsDatabase() {
        Infrastructure infrastructure = Infrastructure.get();
        Database database = infrastructure.newDatabase("props");
        Map<String, Object> issuer = TestIssuer.get().springProperties();

        assertThat(infrastructure.springProperties(database)).containsAllEntriesOf(issuer).hasSize(issuer.size() + 5).contains(
                entry("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()),
                entry("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers()),
                entry("spring.datasource.url", database.jdbcUrl()),
                entry("spring.datasource.username", database.username()),
                entry("spring.datasource.password", database.password()));
        assertThat(infrastructure.springProperties(null)).containsKeys(
                "spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers").doesNotContainKey("spring.datasource.url");
    }
}
