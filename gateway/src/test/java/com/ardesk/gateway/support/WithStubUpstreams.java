package com.ardesk.gateway.support;

import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stub claims, calls and followup services on random ports; classes using it share one boot. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(StubUpstreams.class)
public @interface WithStubUpstreams {
}
