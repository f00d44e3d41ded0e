package dev.bulwark.attack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test that runs once per isolation tier ({@code Isolation} parameter), judged from the host the
 * same way; where a tier legitimately differs, the test states that tier's expectation. A tier that
 * cannot run on this host is skipped with the reason ({@link TestEngine#run}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(dev.bulwark.Isolation.class)
@interface EachTier {}
