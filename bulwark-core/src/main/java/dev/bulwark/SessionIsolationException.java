package dev.bulwark;

/**
 * A session was asked of a tier that does not host sessions yet ({@code
 * session_isolation_unsupported}): sessions run in the {@link Isolation#BUBBLEWRAP} tier only,
 * where their agent's containment is judged; one-shot runs work in every tier.
 */
public final class SessionIsolationException extends SessionException {
  private static final long serialVersionUID = 1L;

  private final String tier;

  public SessionIsolationException(String tier) {
    super(
        "sessions need the "
            + Isolation.BUBBLEWRAP.tierName()
            + " isolation tier for now; '"
            + tier
            + "' runs one-shot executions only");
    this.tier = tier;
  }

  /** The tier that was asked for. */
  public String tier() {
    return tier;
  }

  @Override
  public String code() {
    return "session_isolation_unsupported";
  }
}
