package dev.bulwark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The machine's slots between tenants: lent out when spare, handed back by weighted share. */
class FairShareTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private CompletableFuture<FairShare.Slot> inLine(FairShare share, String tenant, int weight) {
    CompletableFuture<FairShare.Slot> slot = new CompletableFuture<>();
    threads.submit(() -> {
      try {
        slot.complete(share.acquire(tenant, weight, LONG));
      } catch (FairShare.Refused e) {
        slot.completeExceptionally(e);
      }
    });
    return slot;
  }

  @Test
  void aLoneTenantBorrowsEverySpareSlot() throws Exception {
    FairShare share = new FairShare(3, 10);
    for (int i = 0; i < 3; i++) {
      assertThat(share.acquire("a", 1, Duration.ZERO).waitedNanos()).isZero();
    }
    assertThat(share.running()).isEqualTo(3);
  }

  @Test
  void aTenantUnderItsShareGetsTheNextSlotAheadOfOneOverIt() throws Exception {
    FairShare share = new FairShare(2, 10);
    FairShare.Slot first = share.acquire("a", 4, LONG);
    share.acquire("a", 4, LONG);
    CompletableFuture<FairShare.Slot> a1 = inLine(share, "a", 4);
    CompletableFuture<FairShare.Slot> a2 = inLine(share, "a", 4);
    await().until(() -> share.waiting() == 2);
    CompletableFuture<FairShare.Slot> b = inLine(share, "b", 4);
    await().until(() -> share.waiting() == 3);

    share.release(first);

    assertThat(b.get().tenant()).isEqualTo("b");
    assertThat(b.get().waitedNanos()).isPositive();
    assertThat(a1).isNotDone();
    assertThat(a2).isNotDone();
    assertThat(share.waiting()).isEqualTo(2);
  }

  @Test
  void betweenTenantsOverTheirShareTheHeavierWeightGoesFirst() throws Exception {
    FairShare share = new FairShare(2, 10);
    FairShare.Slot light = share.acquire("light", 1, LONG);
    FairShare.Slot heavy = share.acquire("heavy", 4, LONG);
    CompletableFuture<FairShare.Slot> lightNext = inLine(share, "light", 1);
    await().until(() -> share.waiting() == 1);
    CompletableFuture<FairShare.Slot> heavyNext = inLine(share, "heavy", 4);
    await().until(() -> share.waiting() == 2);

    share.release(light); // light: 0 of weight 1 running; heavy: 1 of weight 4 (0.25)

    assertThat(lightNext.get().tenant()).as("furthest below its share").isEqualTo("light");
    share.release(heavy); // now light 1/1, heavy 0/4
    assertThat(heavyNext.get().tenant()).isEqualTo("heavy");
  }

  @Test
  void withinATenantRequestsAreServedInTheOrderTheyCame() throws Exception {
    FairShare share = new FairShare(1, 10);
    FairShare.Slot held = share.acquire("a", 1, LONG);
    CompletableFuture<FairShare.Slot> first = inLine(share, "a", 1);
    await().until(() -> share.waiting() == 1);
    CompletableFuture<FairShare.Slot> second = inLine(share, "a", 1);
    await().until(() -> share.waiting() == 2);

    share.release(held);

    share.release(first.get());
    assertThat(second.get().tenant()).isEqualTo("a");
  }

  @Test
  void theLinesAreBoundedAndTheDeadlineRefuses() throws Exception {
    FairShare share = new FairShare(1, 1);
    share.acquire("a", 1, LONG);
    CompletableFuture<FairShare.Slot> waiting = inLine(share, "b", 1);
    await().until(() -> share.waiting() == 1);
    assertThatThrownBy(() -> share.acquire("c", 1, LONG))
        .isInstanceOfSatisfying(
            FairShare.Refused.class, e -> assertThat(e.reason()).isEqualTo(FairShare.Refusal.FULL));
    FairShare one = new FairShare(1, 1);
    one.acquire("a", 1, LONG);
    assertThatThrownBy(() -> one.acquire("b", 1, Duration.ofMillis(50)))
        .isInstanceOfSatisfying(
            FairShare.Refused.class,
            e -> assertThat(e.reason()).isEqualTo(FairShare.Refusal.TIMED_OUT));
    assertThat(one.waiting()).as("who gave up left the line").isZero();
    assertThat(waiting).isNotDone();
  }

  @Test
  void closingRefusesTheWaitingAndEveryLaterRequest() throws Exception {
    FairShare share = new FairShare(1, 10);
    FairShare.Slot held = share.acquire("a", 1, LONG);
    CompletableFuture<FairShare.Slot> waiting = inLine(share, "b", 1);
    await().until(() -> share.waiting() == 1);

    share.close();

    assertThat(waiting)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingCause()
        .isInstanceOfSatisfying(
            FairShare.Refused.class,
            e -> assertThat(e.reason()).isEqualTo(FairShare.Refusal.CLOSED));
    assertThatThrownBy(() -> share.acquire("c", 1, LONG)).isInstanceOf(FairShare.Refused.class);
    share.release(held);
    assertThat(share.running()).isZero();
  }
}
