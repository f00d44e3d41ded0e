package dev.bulwark.model;

/** The runtime an execution used: its name and the version it reports about itself. */
public record RuntimeInfo(String name, String version) {}
