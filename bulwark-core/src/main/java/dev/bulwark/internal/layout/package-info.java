/**
 * What every tier's sandbox looks like inside, whatever builds it: the curated {@code /etc}, the
 * small environment, the host's top-level program directories next to a read-only {@code /usr}.
 */
package dev.bulwark.internal.layout;
