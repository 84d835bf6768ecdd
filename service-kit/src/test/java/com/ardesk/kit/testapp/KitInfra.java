package com.ardesk.kit.testapp;

import com.ardesk.devstack.RealInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Real PostgreSQL (database "kit") and Kafka for the kit's test application; all classes share one boot. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = RealInfraResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
public @interface KitInfra {
}
