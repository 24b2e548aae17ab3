package com.contactsync.graphsim.control;

/** Published by {@code POST /_simulator/reset}: every part of the simulator returns to how it started. */
public record SimulatorReset() {
}
