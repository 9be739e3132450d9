package vn.childprotection.casetracker.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.messaging.ResultMessage;
import vn.childprotection.casetracker.platform.crypto.ChildKeyStore;

/**
 * Appends the clones of several templates in one unit of work and one transaction: their child keys (one batched
 * insert, wrapped under the key-encryption key), their schedules, and their events through Axon's event store
 * (one batched insert; the chain trigger, the link MACs and the command side's subscribing processors in the same
 * transaction). Either all of a batch is stored or none of it.
 * <p>
 * The clones' events are appended {@link #interleaved interleaved}: every clone's first event, then every clone's
 * second, and so on. In a store that grew over years a case's events lie weeks apart, between the events of
 * thousands of other cases; appended clone after clone they would lie side by side, and a rebuild that folds the
 * events of one case within a batch (the case file) would write each case once where a real store makes it write
 * each case for nearly every event — a benchmark would then show a rebuild faster than any real store gives.
 */
final class CloneBatch {

    private final EventStore eventStore;
    private final TransactionManager transactionManager;
    private final ChildKeyStore childKeys;
    private final CaseCloner cloner;

    CloneBatch(EventStore eventStore, TransactionManager transactionManager, ChildKeyStore childKeys,
               CaseCloner cloner) {
        this.eventStore = eventStore;
        this.transactionManager = transactionManager;
        this.childKeys = childKeys;
        this.cloner = cloner;
    }

    /**
     * @param templates one template per clone to make (a template may appear more than once)
     * @return the number of events appended
     * @throws IllegalStateException when the batch could not be stored (nothing of it is)
     */
    int append(List<CaseTemplate> templates) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<Integer> result = unitOfWork.executeWithResult(() -> {
            List<CloneIds> clones = new ArrayList<>(templates.size());
            List<String> keyIds = new ArrayList<>();
            for (CaseTemplate template : templates) {
                CloneIds ids = cloner.prepare(template);
                clones.add(ids);
                keyIds.addAll(CaseCloner.keyIds(template, ids));
            }
            Map<String, SecretKey> keys = childKeys.createAll(keyIds);
            List<List<DomainEventMessage<?>>> eventsByClone = new ArrayList<>(templates.size());
            for (int i = 0; i < templates.size(); i++) {
                clones.get(i).useKeys(keys);
                eventsByClone.add(cloner.events(templates.get(i), clones.get(i)));
            }
            List<DomainEventMessage<?>> events = interleaved(eventsByClone);
            eventStore.publish(events);
            return events.size();
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("A batch of " + templates.size() + " clones was not stored",
                    result.exceptionResult());
        }
        return result.getPayload();
    }

    /**
     * The lists' elements round robin: the first of each list in turn, then the second of each, and so on; a list
     * that has run out is passed over. Each list's own order is kept.
     */
    static <T> List<T> interleaved(List<? extends List<? extends T>> lists) {
        List<T> all = new ArrayList<>(lists.stream().mapToInt(List::size).sum());
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < longest; k++) {
            for (List<? extends T> list : lists) {
                if (k < list.size()) {
                    all.add(list.get(k));
                }
            }
        }
        return all;
    }
}
