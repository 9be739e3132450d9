package vn.childprotection.casetracker.platform.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * Versions of the list of org units: each loading recorded in the event store, the structure known at an instant,
 * the history read back by another process. (That two loadings of one version are never both recorded rests on the
 * event store's unique key, which the in-memory store used here lacks: see {@code OrgUnitsApiTest}.)
 */
class OrgStructureVersionsTest {

    static final Actor ADMIN = new Actor("coordinator.haiphong", "31-health-department", Role.COORDINATOR);
    static final Instant LOADED_1 = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant LOADED_2 = Instant.parse("2026-09-01T02:00:00Z");

    final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void close() {
        ((EmbeddedEventStore) store).shutDown();
    }

    @Test
    void as_of_an_instant_answers_the_version_known_then_and_the_shipped_list_before_the_first_loading() {
        OrgUnitRegistry registry = registry();
        loader(registry, LOADED_1).load(request("one", "a1"), ADMIN, null);
        loader(registry, LOADED_2).load(request("two", "a1", "a2"), ADMIN, null);

        assertThat(registry.asOf(LOADED_1.minusSeconds(1)).find("a1")).isEmpty();
        assertThat(registry.asOf(LOADED_1).find("a1")).isPresent();
        assertThat(registry.asOf(LOADED_2.minusSeconds(1)).find("a2")).isEmpty();
        assertThat(registry.asOf(LOADED_2).find("a2")).isPresent();
        assertThat(registry.current().find("a2")).isPresent();
        assertThat(registry.asOf(null).find("a2")).isPresent();
        assertThat(registry.history().versions()).extracting(OrgStructureVersion::version).containsExactly(0, 1, 2);
        assertThat(registry.history().versions()).extracting(OrgStructureVersion::recordedAt)
                .containsExactly(null, LOADED_1, LOADED_2);
    }

    @Test
    void the_history_read_back_from_the_store_is_the_one_recorded() {
        OrgUnitRegistry writer = registry();
        loader(writer, LOADED_1).load(request("one", "a1"), ADMIN, null);
        loader(writer, LOADED_2).load(request("two", "a1", "a2"), ADMIN, null);

        OrgUnitRegistry reader = registry();

        assertThat(reader.history().versions()).extracting(OrgStructureVersion::summary)
                .containsExactlyElementsOf(writer.history().versions().stream().map(OrgStructureVersion::summary)
                        .toList());
        assertThat(reader.history().latest().summary().loadedBy()).isEqualTo("coordinator.haiphong");
        assertThat(reader.history().latest().legalBasis()).isEqualTo("two");
        assertThat(reader.asOf(LOADED_2.minusSeconds(1)).find("a2")).isEmpty();
    }

    @Test
    void a_version_recorded_by_another_process_is_read_in_at_the_next_refresh() {
        OrgUnitRegistry here = registry();
        OrgUnitRegistry elsewhere = registry();
        loader(elsewhere, LOADED_1).load(request("one", "a1"), ADMIN, null);
        assertThat(here.current().find("a1")).as("not yet looked").isEmpty();

        here.refresh();

        assertThat(here.current().find("a1")).isPresent();
        assertThat(here.history().latest().version()).isEqualTo(1);
    }

    @Test
    void a_loading_based_on_another_version_than_the_latest_is_refused() {
        OrgUnitRegistry registry = registry();
        loader(registry, LOADED_1).load(request("one", "a1"), ADMIN, null);

        assertThatThrownBy(() -> loader(registry, LOADED_2).load(request("two", "a2"), ADMIN, 0))
                .isInstanceOf(OrgStructureConflict.class);
        assertThat(registry().history().latest().version()).isEqualTo(1);
    }

    @Test
    void a_list_that_drops_a_code_of_the_current_one_is_refused_and_nothing_is_recorded() {
        OrgUnitRegistry registry = registry();
        List<OrgUnit> units = new ArrayList<>(OrgUnits.reform());
        units.remove(2);

        assertThatThrownBy(() -> loader(registry, LOADED_1).load(new LoadOrgUnitsRequest("drop x", units,
                List.of()), ADMIN, null))
                .isInstanceOf(BadRequestException.class)
                .extracting(e -> ((BadRequestException) e).problems()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(new FieldProblem("orgUnits", "x: the unit of version 0 is missing; a code is "
                        + "never removed or reused: end the unit with its last day (validTo) instead"));
        assertThat(store.lastSequenceNumberFor(OrgStructureEvents.AGGREGATE_ID)).isEmpty();
    }

    @Test
    void a_list_that_breaks_a_rule_is_refused_with_its_problems_and_nothing_is_recorded() {
        List<OrgUnit> units = new ArrayList<>(OrgUnits.reform());
        units.add(OrgUnits.unit("a1", OrgUnitType.AGENCY, null, "q", OrgUnits.FIRST, null));

        assertThatThrownBy(() -> loader(registry(), LOADED_1).load(new LoadOrgUnitsRequest("bad", units,
                List.of()), ADMIN, null))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("orgUnits[6].parentCode: a1: its parent q is not a unit of the list");
        assertThat(store.lastSequenceNumberFor(OrgStructureEvents.AGGREGATE_ID)).isEmpty();
    }

    private OrgUnitRegistry registry() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("eventStore", store);
        try {
            OrgUnitRegistry registry = new OrgUnitRegistry(new ByteArrayResource(shippedReform()),
                    beans.getBeanProvider(EventStore.class), Duration.ZERO);
            registry.start();
            return registry;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OrgStructureLoader loader(OrgUnitRegistry registry, Instant now) {
        return new OrgStructureLoader(registry, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static byte[] shippedReform() {
        return OrgStructureDocument.write(new OrgUnitRegistry.OrgUnitFile("shipped", OrgUnits.reform(),
                OrgUnits.groups())).getBytes(StandardCharsets.UTF_8);
    }

    /** The reform list with these agencies under the province added. */
    private static LoadOrgUnitsRequest request(String legalBasis, String... agencies) {
        List<OrgUnit> units = new ArrayList<>(OrgUnits.reform());
        for (String agency : agencies) {
            units.add(OrgUnits.unit(agency, OrgUnitType.AGENCY, null, "p", OrgUnits.REFORM_DAY, null));
        }
        return new LoadOrgUnitsRequest(legalBasis, units, OrgUnits.groups());
    }
}
