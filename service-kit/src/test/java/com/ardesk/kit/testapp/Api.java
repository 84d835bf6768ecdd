package com.ardesk.kit.testapp;

import com.ardesk.devstack.DevTokens;
import io.restassured.specification.RequestSpecification;

import java.util.List;

import static io.restassured.RestAssured.given;

/** Requests to the test application as a signed-in user. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(DevTokens.token(user, List.of("caller"), List.of("P1"))).contentType("application/json");
    }
}
