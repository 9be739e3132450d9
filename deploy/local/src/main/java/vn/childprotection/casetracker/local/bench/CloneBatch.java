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
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < templates.size(); i++) {
                clones.get(i).useKeys(keys);
                events.addAll(cloner.events(templates.get(i), clones.get(i)));
            }
            eventStore.publish(events);
            return events.size();
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("A batch of " + templates.size() + " clones was not stored",
                    result.exceptionResult());
        }
        return result.getPayload();
    }
}
