package dev.airlock.audit;

class InMemoryAnchorBookTest extends AnchorBookContract {

    @Override
    AnchorBook book() {
        return AnchorBook.inMemory();
    }
}
