package dev.airlock.plan;

/** What-if questions ({@code airlock explain}): keeps nothing, and still never throws. */
class DiscardPlanBookContractTest extends PlanBookContract {

    @Override
    protected PlanBook open() {
        return PlanBook.discard();
    }

    @Override
    protected String kept() {
        return null;
    }
}
