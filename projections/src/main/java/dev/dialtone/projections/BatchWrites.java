package dev.dialtone.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a projection collects over a processor batch and makes once, when the batch commits: one collector per
 * batch (the root unit of work) and key, flushed before the processor stores its token.
 */
public final class BatchWrites {

    private BatchWrites() {
    }

    /** The current batch's collector for {@code key}, created (and its flush registered) on first use. */
    public static <T> T of(String key, Supplier<T> create, Consumer<T> flush) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            T writes = create.get();
            root.onPrepareCommit(u -> flush.accept(writes));
            return writes;
        });
    }
}
