package org.officialdom.web;

/** A request the server refuses, with the HTTP status and the message the page shows. */
public final class WebException extends RuntimeException {

    private final int status;

    public WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
